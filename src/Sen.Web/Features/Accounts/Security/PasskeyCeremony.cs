using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Whether the browser holds the state Identity stored when it made passkey options (in its two-factor cookie).
/// Identity throws when asked to finish a ceremony that never started; a stray POST gets a message instead.
/// </summary>
public static class PasskeyCeremony
{
    public const string Attestation = "Attestation";
    public const string Assertion = "Assertion";

    public static async Task<bool> IsUnderwayAsync(HttpContext context, string operation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme).ConfigureAwait(false);
        return result.Properties?.Items.TryGetValue("PasskeyOperation", out var underway) == true && underway == operation;
    }

    /// <summary>The browser's credential JSON, if it is plausibly one (a bound on size keeps parsing cheap).</summary>
    public static bool IsCredentialJson(string? json) => json is { Length: > 2 and <= 64 * 1024 } && json.TrimStart().StartsWith('{');
}
