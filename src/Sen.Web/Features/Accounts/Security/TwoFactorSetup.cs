using System.Globalization;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// A user's own authenticator app (TOTP, Identity's authenticator token provider) and recovery codes: turning it on
/// with a first code, new codes, turning it off with the password. Each change is audited in its own transaction.
/// </summary>
public sealed class TwoFactorSetup(SenDbContext db, SenUserManager users, AuditLog audit, IStringLocalizer<SharedResource> text)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Codes: the new recovery codes, shown once. Error: why nothing changed.</summary>
    public sealed record Result(IReadOnlyList<string> Codes, string? Error = null)
    {
        public bool Succeeded => Error is null;
    }

    /// <summary>The key the authenticator app is set up with; a first visit creates it.</summary>
    public async Task<string> KeyAsync(SenUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(key))
        {
            return key;
        }

        // Not ResetAuthenticatorKeyAsync: it also changes the security stamp, and looking at this page must not sign the user out elsewhere.
        await users.CreateAuthenticatorKeyAsync(user).ConfigureAwait(false);
        return await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false) ?? throw new InvalidOperationException("No authenticator key was stored.");
    }

    public async Task<Result> EnableAsync(SenUser user, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var typed = Normalize(code);
        if (user.TwoFactorEnabled)
        {
            return new Result([], text["TwoFactor.Error.AlreadyOn"]);
        }

        if (typed.Length != 6 || !typed.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed).ConfigureAwait(false))
        {
            return new Result([], text["TwoFactor.Error.WrongCode"]);
        }

        return await ChangeAsync(user, AuditActions.TwoFactorEnabled, async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false);
            return await NewCodesAsync(user).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result> NewRecoveryCodesAsync(SenUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.TwoFactorEnabled
            ? await ChangeAsync(user, AuditActions.RecoveryCodesRegenerated, () => NewCodesAsync(user), cancellationToken).ConfigureAwait(false)
            : new Result([], text["TwoFactor.Error.NotOn"]);
    }

    /// <summary>Turns the authenticator off and forgets its key and codes, so turning it on again starts afresh.</summary>
    public async Task<Result> DisableAsync(SenUser user, string? password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.TwoFactorEnabled)
        {
            return new Result([], text["TwoFactor.Error.NotOn"]);
        }

        if (!await users.CheckPasswordAsync(user, password ?? "").ConfigureAwait(false))
        {
            return new Result([], text["Account.Error.PasswordMismatch"]);
        }

        return await ChangeAsync(user, AuditActions.TwoFactorDisabled, async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
            await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0).ConfigureAwait(false);
            return [];
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Codes from apps and paper come with spaces or a dash; Identity compares them without.</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Take(64).ToArray());

    private async Task<IReadOnlyList<string>> NewCodesAsync(SenUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount).ConfigureAwait(false) ?? []];

    // Identity saves each step itself; the audit entry, added first, goes out with the first save, all in one transaction.
    private async Task<Result> ChangeAsync(SenUser user, string action, Func<Task<IReadOnlyList<string>>> change, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            audit.Record(action, "User", user.Id.ToString(CultureInfo.InvariantCulture), user.Email ?? "");
            var codes = await change().ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new Result(codes);
        }
    }
}
