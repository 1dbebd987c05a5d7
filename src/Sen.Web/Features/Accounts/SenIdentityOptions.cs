using Microsoft.AspNetCore.Identity;

namespace Sen.Web.Features.Accounts;

/// <summary>Sen's account rules, in one place for the app and for the design-time model (migrations).</summary>
public static class SenIdentityOptions
{
    public const string CookieName = ".Sen.Auth";

    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
        options.Lockout.AllowedForNewUsers = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.User.RequireUniqueEmail = true;

        // Version 3 has the passkeys table, so two-factor sign-in with passkeys needs no schema change later.
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }
}
