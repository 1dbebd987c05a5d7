namespace Sen.Web.Features.Accounts;

/// <summary>Security: the newsroom's sign-in rules beyond the password (README, "Two-factor sign-in and passkeys").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Administrators must sign in with two factors (an authenticator code or a passkey) before using the newsroom.</summary>
    public bool RequireAdmin2FA { get; set; }

    /// <summary>
    /// The address readers and editors type (https://tinhuy.example.vn), when a proxy in front changes the scheme or
    /// host Sen sees: passkeys are bound to it. Empty: Site:PublicUrl, else the request's own address.
    /// </summary>
    public string? PublicUrl { get; set; }
}
