using Microsoft.AspNetCore.Identity;

namespace Sen.Web.Features.Accounts;

/// <summary>A newsroom account. Its user name is its e-mail address.</summary>
public sealed class SenUser : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Refused at sign-in. Disabling also changes the security stamp, so open sessions end within a minute.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
