using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// There is no default password: while no administrator exists, each start of the server logs a new
/// one-time link to create the first one. Only the newest link works (an old one may sit in an old log).
/// </summary>
internal sealed partial class OfferSetupOnStart(SenDbContext db, AccountInvitations invitations, ILogger<OfferSetupOnStart> logger) : IDatabaseStartupTask
{
    public int Order => IDatabaseStartupTask.DerivedOrder;

    public async Task RunAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (await db.AnyActiveAdminAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await db.AccountInvitations.Where(i => i.Email == null && i.UsedAt == null).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var token = invitations.Add(email: null, SenRoles.Admin, createdById: null);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogSetupLink(logger, invitations.LinkFor(AccountInvitations.SetupPath, token));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chưa có quản trị viên. Tạo tài khoản đầu tiên tại / No administrator yet. Create the first account at: {SetupLink}")]
    private static partial void LogSetupLink(ILogger logger, string setupLink);
}
