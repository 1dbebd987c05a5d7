using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>Every account with its role and state, for the users page and `sen user list`.</summary>
public sealed class ListUsers(SenDbContext db)
{
    public enum AccountState
    {
        Active,

        /// <summary>Invited: no password set yet.</summary>
        Invited,
        Disabled,
    }

    public sealed record Row(int Id, string Email, string DisplayName, string Role, AccountState State, DateTimeOffset? LockedUntil);

    public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, HasPassword = u.PasswordHash != null, u.LockoutEnd })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return users.Select(u => new Row(
            u.Id,
            u.Email ?? "",
            u.DisplayName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "",
            u.IsDisabled ? AccountState.Disabled : u.HasPassword ? AccountState.Active : AccountState.Invited,
            u.LockoutEnd)).ToArray();
    }
}
