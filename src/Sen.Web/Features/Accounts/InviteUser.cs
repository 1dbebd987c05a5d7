using System.Globalization;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Creates an account without a password and an invitation link (valid <see cref="AccountInvitation.Lifetime"/>)
/// on which its owner sets one. Used by `sen user add` and the users page.
/// </summary>
public sealed class InviteUser(
    SenDbContext db,
    SenUserManager users,
    AccountInvitations invitations,
    AuditLog audit,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock)
{
    public sealed record Command(string Email, string Role, string? DisplayName = null);

    /// <summary>Link is null when the account was refused; Errors say why.</summary>
    public sealed record Result(string? Link, IReadOnlyList<string> Errors);

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!SenRoles.All.Contains(command.Role, StringComparer.Ordinal))
        {
            return new Result(null, [text["Account.Error.InvalidRole"]]);
        }

        var email = command.Email.Trim();
        var user = new SenUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? email.Split('@')[0] : command.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var created = await users.CreateAsync(user).ConfigureAwait(false);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, command.Role).ConfigureAwait(false);
            }

            if (!created.Succeeded)
            {
                return new Result(null, created.Errors.Select(e => e.Description).ToArray());
            }

            var token = invitations.Add(email, command.Role, currentUser.Actor.UserId);
            var id = user.Id.ToString(CultureInfo.InvariantCulture);
            audit.Record(AuditActions.UserInvited, "User", id, $"{email} ({command.Role})");
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new Result(invitations.LinkFor(AccountInvitations.InvitationPath, token), []);
        }
    }
}
