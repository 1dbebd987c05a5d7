using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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
    TimeProvider clock)
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

    public override async Task<IdentityResult> AccessFailedAsync(SenUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockout = (IUserLockoutStore<SenUser>)Store;
        var failures = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken).ConfigureAwait(false);
        if (failures >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken).ConfigureAwait(false);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken).ConfigureAwait(false);
        }

        return await UpdateUserAsync(user).ConfigureAwait(false);
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
