using System.Globalization;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Uses a one-time link: the setup link creates the first administrator; an invitation sets the
/// password of the account it was made for (new, or a reset). The link is spent in the same transaction.
/// </summary>
public sealed class AcceptInvitation(
    SenDbContext db,
    SenUserManager users,
    AccountInvitations invitations,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>Email and DisplayName are asked only by the setup link; an invitation already names its account.</summary>
    public sealed record Command(string Token, bool Setup, string Password, string? Email = null, string? DisplayName = null);

    /// <summary>NotFound: the link is unknown, used, expired or (setup) an administrator exists already.</summary>
    public sealed record Result(bool NotFound, SenUser? User, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => User is not null;
    }

    /// <summary>The account an invitation link is for (null for the setup link, or when the link cannot be used).</summary>
    public async Task<(bool Usable, string? Email)> CheckAsync(string? token, bool setup, CancellationToken cancellationToken)
    {
        var invitation = await FindAsync(token, setup, cancellationToken).ConfigureAwait(false);
        return (invitation is not null, invitation?.Email);
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var invitation = await FindAsync(command.Token, command.Setup, cancellationToken).ConfigureAwait(false);
        if (invitation is null)
        {
            return new Result(true, null, []);
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var (user, errors) = invitation.IsSetup
                ? await CreateAdministratorAsync(command).ConfigureAwait(false)
                : await SetPasswordAsync(invitation.Email!, command.Password).ConfigureAwait(false);
            if (user is null)
            {
                return new Result(errors.Count == 0, null, errors);
            }

            invitation.UsedAt = clock.GetUtcNow().UtcDateTime;
            var id = user.Id.ToString(CultureInfo.InvariantCulture);
            var entry = invitation.IsSetup
                ? audit.Record(AuditActions.AccountSetUp, "User", id, $"{user.Email} ({SenRoles.Admin})")
                : audit.Record(AuditActions.InvitationUsed, "User", id, $"{user.Email} ({invitation.Role})");

            // Nobody is signed in yet: the one acting is the link's holder.
            entry.UserId = user.Id;
            entry.UserName = user.Email ?? "";
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new Result(false, user, []);
        }
    }

    private async Task<AccountInvitation?> FindAsync(string? token, bool setup, CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindUsableAsync(token, setup, cancellationToken).ConfigureAwait(false);
        if (invitation is { IsSetup: true } && await db.AnyActiveAdminAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return invitation;
    }

    private async Task<(SenUser? User, IReadOnlyList<string> Errors)> CreateAdministratorAsync(Command command)
    {
        var email = command.Email?.Trim() ?? "";
        var user = new SenUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? email.Split('@')[0] : command.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, command.Password).ConfigureAwait(false);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, SenRoles.Admin).ConfigureAwait(false);
        }

        return created.Succeeded ? (user, []) : (null, created.Errors.Select(e => e.Description).ToArray());
    }

    private async Task<(SenUser? User, IReadOnlyList<string> Errors)> SetPasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        if (user is null || user.IsDisabled)
        {
            return (null, []);
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password).ConfigureAwait(false);
            errors.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // A new password ends every open session (security stamp) and lifts a lockout.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var updated = await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        return updated.Succeeded ? (user, []) : (null, updated.Errors.Select(e => e.Description).ToArray());
    }
}
