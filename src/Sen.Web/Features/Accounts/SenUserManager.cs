using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Identity's user manager with lockout on Sen's clock: the base class reads the system clock, so a
/// lockout could not be tested with a fake one, nor follow the time every other rule of Sen uses.
/// </summary>
public sealed class SenUserManager(
    IUserStore<SenUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<SenUser> passwordHasher,
    IEnumerable<IUserValidator<SenUser>> userValidators,
    IEnumerable<IPasswordValidator<SenUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<SenUser>> logger,
    TimeProvider clock,
    SenDbContext db)
    : UserManager<SenUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(SenUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await GetLockoutEnabledAsync(user).ConfigureAwait(false))
        {
            return false;
        }

        return await GetLockoutEndDateAsync(user).ConfigureAwait(false) is { } end && end > clock.GetUtcNow();
    }

    /// <summary>
    /// Counts a failure with one UPDATE in the database, so concurrent wrong guesses each count. Identity's own
    /// version saves the tracked user with its concurrency stamp: of two failures at once, the second save was
    /// refused, its guess went uncounted, and the user entity stayed modified in the request's context, so the
    /// next save there (the audit entry of the failed sign-in) threw.
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(SenUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var max = Options.Lockout.MaxFailedAccessAttempts;
        DateTimeOffset? until = clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan);
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 >= max ? until : u.LockoutEnd)
            .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1 >= max ? 0 : u.AccessFailedCount + 1), CancellationToken).ConfigureAwait(false);
        await db.Entry(user).ReloadAsync(CancellationToken).ConfigureAwait(false);
        return IdentityResult.Success;
    }

    /// <summary>How long <paramref name="user"/> stays locked out; zero when not locked out.</summary>
    public async Task<TimeSpan> LockedOutForAsync(SenUser user)
    {
        var end = await GetLockoutEndDateAsync(user).ConfigureAwait(false);
        var left = end is { } e ? e - clock.GetUtcNow() : TimeSpan.Zero;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>
    /// Stores a first authenticator key for a user who has none, leaving the security stamp alone: nobody's
    /// sessions depend on a key that was never used, so showing the setup page signs no one out.
    /// </summary>
    public async Task<IdentityResult> CreateAuthenticatorKeyAsync(SenUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Store is not IUserAuthenticatorKeyStore<SenUser> keys)
        {
            throw new NotSupportedException("The user store keeps no authenticator keys.");
        }

        await keys.SetAuthenticatorKeyAsync(user, GenerateNewAuthenticatorKey(), CancellationToken).ConfigureAwait(false);
        return await UpdateUserAsync(user).ConfigureAwait(false);
    }
}
