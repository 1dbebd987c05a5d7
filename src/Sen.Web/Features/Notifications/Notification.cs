namespace Sen.Web.Features.Notifications;

/// <summary>
/// One person told of one workflow step on an article: a line in their list at /admin/thong-bao and, when
/// e-mail is on, a message in the outbox (<see cref="EmailState"/>) that <see cref="NotificationMailer"/> sends.
/// Written in the same SaveChanges as the step, so nobody hears of a step that did not commit.
/// </summary>
public sealed class Notification
{
    public const int TitleLength = 600;
    public const int SummaryLength = 2400;

    public long Id { get; set; }

    public int UserId { get; set; }

    public int SiteId { get; set; }

    /// <summary>No foreign key: the notice outlives the article when the bin is emptied.</summary>
    public int ArticleId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>Vietnamese (the node's culture), written when the step happened: "Bài chờ duyệt: …".</summary>
    public string Title { get; set; } = "";

    /// <summary>Who did what, and the approver's comment for a returned article.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The article's edit page, as a path: /admin/bai-viet/{id}.</summary>
    public string Link { get; set; } = "";

    /// <summary>scheme://host the e-mail's link starts with (the configured public address, or the request's); empty when unknown.</summary>
    public string LinkBase { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; null while unread.</summary>
    public DateTime? ReadAt { get; set; }

    public EmailState EmailState { get; set; }

    public int EmailAttempts { get; set; }

    /// <summary>UTC: not sent before this (backoff after a failure).</summary>
    public DateTime? EmailNextAttemptAt { get; set; }

    /// <summary>UTC: when a node claimed the message to send it; an old claim (the node died) may be taken over.</summary>
    public DateTime? EmailClaimedAt { get; set; }

    public DateTime? EmailSentAt { get; set; }

    public string? EmailLastError { get; set; }
}
