using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string SignInPath = "/admin/dang-nhap";
    public const string SignOutPath = "/admin/dang-xuat";
    public const string AccessDeniedPath = "/admin/khong-du-quyen";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddAuthorizationBuilder().AddNewsroomPolicies();
        services.AddSecondFactor();

        services.AddIdentity<SenUser, IdentityRole<int>>(SenIdentityOptions.Apply)
            .AddEntityFrameworkStores<SenDbContext>()
            .AddUserManager<SenUserManager>()
            .AddSignInManager<SenSignInManager>()
            .AddClaimsPrincipalFactory<SenClaimsFactory>()
            .AddErrorDescriber<SenIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);
        services.ConfigureApplicationCookie(ConfigureCookie);

        // "Sign out everywhere" and disabling an account change the security stamp; sessions learn it within a minute.
        // The check rebuilds the principal from the database; how the session was signed in is kept from the old one.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = KeepSignInMethod;
        });
        foreach (var scheme in (string[])[IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme])
        {
            // The second step, passkey ceremonies and "remember this browser" concern the newsroom only.
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Path = "/admin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        }

        services.AddSingleton<EditorSession>();
        services.AddSingleton<IEditorSession>(sp => sp.GetRequiredService<EditorSession>());
        services.AddScoped<AccountInvitations>();
        services.AddScoped<InviteUser>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ManageUser>();
        services.AddScoped<ListUsers>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<TwoFactorSetup>();
        services.AddScoped<OwnPasskeys>();
        services.AddScoped<OwnProfile>();
        services.AddScoped<IDatabaseStartupTask, CreateRolesOnStart>();
        services.AddSignInRateLimits();
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizeFolder("/Accounts", NewsroomPolicies.Newsroom)
            .AllowAnonymousToPage("/Accounts/SignInPage")
            .AllowAnonymousToPage("/Accounts/TwoFactorSignInPage")
            .AllowAnonymousToPage("/Accounts/SetupPage")
            .AllowAnonymousToPage("/Accounts/InvitationPage")
            .AllowAnonymousToPage("/Accounts/AccessDeniedPage"));
        return services;
    }

    /// <summary>Only where the app serves: while no administrator exists, each start logs a one-time setup link.</summary>
    public static IServiceCollection AddFirstRunSetup(this IServiceCollection services) =>
        services.AddScoped<IDatabaseStartupTask, OfferSetupOnStart>();

    private static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SignInMethods.ClaimType) is { } method && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(method.Type, method.Value));
        }

        return Task.CompletedTask;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = SenIdentityOptions.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        // Browsers send it only to the newsroom: public pages never see a sign-in, so they stay cacheable.
        options.Cookie.Path = "/admin";
        options.LoginPath = SignInPath;
        options.LogoutPath = SignOutPath;
        options.AccessDeniedPath = AccessDeniedPath;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;

        // Scripts calling the newsroom's API get a status code, not the sign-in page.
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/admin/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
