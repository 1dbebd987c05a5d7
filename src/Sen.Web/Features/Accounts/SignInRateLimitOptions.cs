using System.ComponentModel.DataAnnotations;

namespace Sen.Web.Features.Accounts;

/// <summary>Accounts:SignInRateLimit: how many sign-in attempts one client (IP address) may make.</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Accounts:SignInRateLimit";

    /// <summary>Attempts per minute per client; lockout protects each account, this protects all of them from one guesser.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 10;
}
