using System.Globalization;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Audits every sign-in attempt, whichever step and method: nobody is signed in yet, so the entry names the account
/// tried (or what was typed), not the request's user.
/// </summary>
public sealed class SignInAudit(AuditLog audit, SenDbContext db)
{
    public Task SucceededAsync(SenUser user, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SaveAsync(AuditActions.SignIn, user, user.Email ?? "", $"{user.Email} ({method})", cancellationToken);
    }

    /// <summary><paramref name="typed"/>: the e-mail typed, or the account's when the step knows it.</summary>
    public Task FailedAsync(string typed, SenUser? user, string reason, CancellationToken cancellationToken) =>
        SaveAsync(AuditActions.SignInFailed, user, typed, $"{typed}: {reason}", cancellationToken);

    private async Task SaveAsync(string action, SenUser? user, string name, string summary, CancellationToken cancellationToken)
    {
        var entry = audit.Record(action, "User", user?.Id.ToString(CultureInfo.InvariantCulture), summary);
        entry.UserId = user?.Id;
        entry.UserName = name;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
