using System.Reflection;

namespace Sen.Web.Features.Audit;

/// <summary>The actions the audit log names. Stable keys: filters and exports depend on them.</summary>
public static class AuditActions
{
    public const string SignIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in.failed";
    public const string SignOut = "account.sign-out";
    public const string PasswordChanged = "account.password.change";
    public const string ProfileChanged = "account.profile.change";
    public const string TwoFactorEnabled = "account.2fa.enable";
    public const string TwoFactorDisabled = "account.2fa.disable";
    public const string RecoveryCodesRegenerated = "account.2fa.recovery-codes";
    public const string PasskeyAdded = "account.passkey.add";
    public const string PasskeyRemoved = "account.passkey.remove";
    public const string UserCreated = "user.create";
    public const string UserChanged = "user.change";
    public const string UserInvited = "user.invite";
    public const string AccountSetUp = "account.setup";
    public const string InvitationUsed = "account.invitation.use";
    public const string ArticleCreated = "article.create";
    public const string ArticleSaved = "article.save";
    public const string ArticleSubmitted = "article.submit";
    public const string ArticleReturned = "article.return";
    public const string ArticlePublished = "article.publish";
    public const string ArticleUnpublished = "article.unpublish";
    public const string ArticleDeleted = "article.delete";
    public const string ArticleRestored = "article.restore";
    public const string MediaUploaded = "media.upload";
    public const string MediaChanged = "media.change";
    public const string CategoryCreated = "category.create";
    public const string CategoryChanged = "category.change";
    public const string CategoryDeleted = "category.delete";
    public const string LinkCreated = "link.create";
    public const string LinkChanged = "link.change";
    public const string LinkDeleted = "link.delete";
    public const string RedirectCreated = "redirect.create";
    public const string RedirectDeleted = "redirect.delete";
    public const string SettingsChanged = "settings.change";
    public const string NotificationRead = "notification.read";
    public const string ArticlePurged = "article.purge";
    public const string AuditExported = "audit.export";
    public const string PollCreated = "poll.create";
    public const string PollChanged = "poll.change";
    public const string PollOpened = "poll.open";
    public const string PollClosed = "poll.close";
    public const string PollExported = "poll.export";
    public const string DocumentCreated = "document.create";
    public const string DocumentSaved = "document.save";
    public const string DocumentSubmitted = "document.submit";
    public const string DocumentReturned = "document.return";
    public const string DocumentPublished = "document.publish";
    public const string DocumentUnpublished = "document.unpublish";
    public const string DocumentFileAttached = "document.file.attach";
    public const string DocumentFileRemoved = "document.file.remove";
    public const string ImportRun = "import.run";

    /// <summary>Every action above, in declaration order: what the audit page filters by (each labelled Audit.Action.{key} in strings.tsv).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        .. typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    /// <summary>The strings.tsv key of an action's label.</summary>
    public static string LabelKey(string action) => "Audit.Action." + action;
}
