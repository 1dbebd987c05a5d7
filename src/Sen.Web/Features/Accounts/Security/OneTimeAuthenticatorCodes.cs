using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that work once. Identity's own provider
/// accepts the same code again for as long as it is valid, so a code read over someone's shoulder or from a
/// proxy log signs in a second time; RFC 6238 §5.2 says a verifier must not accept it twice. Each account keeps
/// the last step it accepted, moved forward by one conditional UPDATE, so two requests racing with one code
/// cannot both win, on one node or several. The time is Sen's clock, like lockout.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(SenDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<SenUser>
{
    public const string StepProvider = "[Sen]";
    public const string StepName = "AuthenticatorStep";

    /// <summary>Steps either side of now that still count: phones' clocks drift (Identity allows the same).</summary>
    private const int Drift = 2;

    public Task<string> GenerateAsync(string purpose, UserManager<SenUser> manager, SenUser user) =>
        Task.FromResult(string.Empty); // The code comes from the person's app, never from the server.

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SenUser> manager, SenUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SenUser> manager, SenUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var key = await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var secret = Base32.FromBase32(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (CodeAt(secret, step) == code)
            {
                return await ClaimStepAsync(user.Id, step).ConfigureAwait(false);
            }
        }

        return false;
    }

    public static int CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 (and every authenticator app) uses HMAC-SHA1; collisions do not matter for an HMAC.
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7fffffff) % 1_000_000;
    }

    /// <summary>True when <paramref name="step"/> is later than every step this account used before, and is now the last one.</summary>
    private async Task<bool> ClaimStepAsync(int userId, long step)
    {
        // Fixed width, so the text comparison the database does is the numeric one.
        var value = step.ToString("D16", CultureInfo.InvariantCulture);
#pragma warning disable CA1309 // Translated to SQL's "<" on digits of equal length: no culture is involved.
        var moved = await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == StepProvider && t.Name == StepName && string.Compare(t.Value, value) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value)).ConfigureAwait(false);
#pragma warning restore CA1309
        if (moved == 1)
        {
            return true;
        }

        if (await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == StepProvider && t.Name == StepName).ConfigureAwait(false))
        {
            return false; // This step or a later one was used already.
        }

        // The account's first code: the primary key lets only one of two racing requests insert the row.
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"AspNetUserTokens\" (\"UserId\", \"LoginProvider\", \"Name\", \"Value\") VALUES ({userId}, {StepProvider}, {StepName}, {value})").ConfigureAwait(false);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
