namespace Sen.Web.Features.Audit;

/// <summary>
/// One line of the append-only audit log: who did what, when, from where, on what, with the changed
/// fields before and after. Written in the same SaveChanges as the change; never updated or deleted
/// (<see cref="AuditLogGuard"/> refuses both).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public int? SiteId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>Null for the system (command line, background jobs) and for failed sign-ins of unknown names.</summary>
    public int? UserId { get; set; }

    /// <summary>The user's name at the time (kept when the account changes), or what a failed sign-in typed.</summary>
    public string UserName { get; set; } = "";

    public string? IpAddress { get; set; }

    /// <summary>What happened, as a stable key: "article.publish", "account.sign-in.failed", ... (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; set; }

    /// <summary>What it happened to: "Article", "Category", "User", ...</summary>
    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>A short human line (the article's title, the user's e-mail).</summary>
    public string Summary { get; set; } = "";

    /// <summary>JSON object of changed fields: { "Title": ["before", "after"] }; null when nothing was changed field by field.</summary>
    public string? Changes { get; set; }
}
