using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// An administrator's changes to an account: role, disable/enable, sign out everywhere, a password
/// reset link. Each is audited with the field before and after. The last enabled administrator can
/// be neither disabled nor demoted, so the newsroom never locks itself out.
/// </summary>
public sealed class ManageUser(
    SenDbContext db,
    SenUserManager users,
    AccountInvitations invitations,
    AuditLog audit,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> text)
{
    public enum Change
    {
        SetRole,
        Disable,
        Enable,
        SignOutEverywhere,
        ResetPassword,
    }

    /// <summary>Role: the new role, for <see cref="Change.SetRole"/>.</summary>
    public sealed record Command(int UserId, Change Change, string? Role = null);

    /// <summary>Link: the reset link of <see cref="Change.ResetPassword"/>. Error: why the change was refused.</summary>
    public sealed record Result(SaveResult Outcome, string? Error = null, string? Link = null)
    {
        public bool Succeeded => Outcome == SaveResult.Saved && Error is null;
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return new Result(SaveResult.NotFound);
        }

        var roles = await users.GetRolesAsync(user).ConfigureAwait(false);
        var role = roles.FirstOrDefault() ?? "";
        var id = user.Id.ToString(CultureInfo.InvariantCulture);
        var losesAdmin = role == SenRoles.Admin && !user.IsDisabled
            && (command.Change == Change.Disable || (command.Change == Change.SetRole && command.Role != SenRoles.Admin));
        if (losesAdmin && await db.CountActiveAdminsAsync(cancellationToken).ConfigureAwait(false) <= 1)
        {
            return new Result(SaveResult.Saved, text["Account.Error.LastAdmin"]);
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            string? link = null;
            switch (command.Change)
            {
                case Change.SetRole:
                    if (command.Role is not { } newRole || !SenRoles.All.Contains(newRole, StringComparer.Ordinal))
                    {
                        return new Result(SaveResult.Saved, text["Account.Error.InvalidRole"]);
                    }

                    if (roles.Count > 0)
                    {
                        await users.RemoveFromRolesAsync(user, roles).ConfigureAwait(false);
                    }

                    await users.AddToRoleAsync(user, newRole).ConfigureAwait(false);
                    var entry = audit.Record(AuditActions.UserChanged, "User", id, $"{user.Email}: {role} → {newRole}");
                    entry.Changes = JsonSerializer.Serialize(new Dictionary<string, string?[]> { ["Role"] = [role, newRole] });

                    // The new role takes effect at the next security stamp check, within a minute.
                    await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
                    break;
                case Change.Disable or Change.Enable:
                    user.IsDisabled = command.Change == Change.Disable;
                    audit.Record(AuditActions.UserChanged, "User", id, $"{user.Email}: {command.Change}", db.Entry(user));
                    await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
                    break;
                case Change.SignOutEverywhere:
                    audit.Record(AuditActions.UserChanged, "User", id, $"{user.Email}: {command.Change}");
                    await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
                    break;
                case Change.ResetPassword:
                    var token = invitations.Add(user.Email, role, currentUser.Actor.UserId);
                    audit.Record(AuditActions.UserChanged, "User", id, $"{user.Email}: {command.Change}");
                    link = invitations.LinkFor(AccountInvitations.InvitationPath, token);
                    break;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new Result(SaveResult.Saved, Link: link);
        }
    }
}
