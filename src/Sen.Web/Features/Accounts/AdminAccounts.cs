using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

public static class AdminAccounts
{
    /// <summary>True when some enabled account has the Admin role: then nobody may use a setup link.</summary>
    public static Task<bool> AnyActiveAdminAsync(this SenDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where role.Name == SenRoles.Admin && !user.IsDisabled
                select userRole.UserId).AnyAsync(cancellationToken);
    }

    /// <summary>How many enabled accounts have the Admin role.</summary>
    public static Task<int> CountActiveAdminsAsync(this SenDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where role.Name == SenRoles.Admin && !user.IsDisabled
                select userRole.UserId).CountAsync(cancellationToken);
    }
}
