namespace Sen.Web.Features.Accounts;

/// <summary>
/// A one-time link that lets its holder set a password: the first administrator's (setup, no e-mail),
/// an invited user's, or a password reset. Only the SHA-256 hash of the token is stored, so a copy of
/// the database cannot be used to take over an account.
/// </summary>
public sealed class AccountInvitation
{
    /// <summary>How long an invitation link works; the setup link works until it is used.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; set; }

    /// <summary>Lower-case hex of SHA-256 over the token's ASCII text.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The invited account's e-mail; null for the first administrator's setup link.</summary>
    public string? Email { get; set; }

    public required string Role { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; null when the link works until it is used.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>UTC; a used link is refused (404).</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>Null when created by the system (start-up, command line).</summary>
    public int? CreatedById { get; set; }

    public bool IsSetup => Email is null;
}
