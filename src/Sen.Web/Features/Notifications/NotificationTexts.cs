using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Notifications;

/// <summary>
/// The words of notifications and their e-mails, in the node's culture (Sen:Culture) whatever thread asks:
/// notices are written in handlers and sent from a background service, neither of which has a request's culture.
/// </summary>
public sealed class NotificationTexts(IStringLocalizer<SharedResource> text, IConfiguration configuration)
{
    private readonly CultureInfo culture = CultureInfo.GetCultureInfo(configuration["Sen:Culture"] ?? "vi-VN");

    /// <summary>"vi": the lang attribute of an e-mail's HTML.</summary>
    public string Language => culture.TwoLetterISOLanguageName;

    public static string TitleKey(NotificationKind kind) => kind switch
    {
        NotificationKind.Submitted => "Notification.Title.Submitted",
        NotificationKind.Returned => "Notification.Title.Returned",
        NotificationKind.Published => "Notification.Title.Published",
        NotificationKind.Scheduled => "Notification.Title.Scheduled",
        NotificationKind.Unpublished => "Notification.Title.Unpublished",
        NotificationKind.Deleted => "Notification.Title.Deleted",
        NotificationKind.Restored => "Notification.Title.Restored",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string SummaryKey(NotificationKind kind) => kind switch
    {
        NotificationKind.Submitted => "Notification.Summary.Submitted",
        NotificationKind.Returned => "Notification.Summary.Returned",
        NotificationKind.Published => "Notification.Summary.Published",
        NotificationKind.Scheduled => "Notification.Summary.Scheduled",
        NotificationKind.Unpublished => "Notification.Summary.Unpublished",
        NotificationKind.Deleted => "Notification.Summary.Deleted",
        NotificationKind.Restored => "Notification.Summary.Restored",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The notice's title and summary; <paramref name="detail"/> is the comment (returned) or the time (scheduled).</summary>
    public (string Title, string Summary) Compose(NotificationKind kind, string articleTitle, string actorName, string? detail) =>
        InCulture(() =>
        {
            var actor = string.IsNullOrWhiteSpace(actorName) ? text["Notification.SomeoneUnnamed"].Value : actorName;
            return (text[TitleKey(kind), articleTitle].Value, text[SummaryKey(kind), actor, detail ?? ""].Value);
        });

    public string this[string key, params object[] arguments] => InCulture(() => text[key, arguments].Value);

    private T InCulture<T>(Func<T> compose)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
