using System.Security.Claims;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// How a session was signed in, kept in the sign-in cookie as the "amr" claim (RFC 8176 values), and whether the
/// account has a second factor at all (a claim the claims factory refreshes with the security stamp check).
/// </summary>
public static class SignInMethods
{
    public const string ClaimType = "amr";

    /// <summary>Password only.</summary>
    public const string Password = "pwd";

    /// <summary>Password and an authenticator or recovery code (Identity's own value).</summary>
    public const string TwoFactor = "mfa";

    /// <summary>A passkey: a hardware-bound key, unlocked by the person (user verification).</summary>
    public const string Passkey = "hwk";

    public const string SecondFactorClaim = "sen:second-factor";

    /// <summary>The session was signed in with two factors: a password and a code, or a passkey.</summary>
    public static bool IsTwoFactorSession(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimType) is TwoFactor or Passkey;
    }

    /// <summary>The account has an authenticator turned on or at least one passkey.</summary>
    public static bool HasSecondFactor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(SecondFactorClaim, "true");
    }
}
