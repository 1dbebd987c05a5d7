namespace Sen.Web.Features.Notifications;

/// <summary>The step a notification tells of; the UI names each through strings.tsv (Notification.Kind.*).</summary>
public enum NotificationKind
{
    Submitted,
    Returned,
    Published,
    Scheduled,
    Unpublished,
    Deleted,
    Restored,
}
