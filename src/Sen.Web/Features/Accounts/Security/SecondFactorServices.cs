using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Accounts;

internal static class SecondFactorServices
{
    /// <summary>Security options, the RequireAdmin2FA requirement and Identity's passkeys bound to the site's address.</summary>
    public static IServiceCollection AddSecondFactor(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || PublicOrigin(o.PublicUrl) is not null, "Security:PublicUrl must be an absolute http(s) address.")
            .ValidateOnStart();
        services.AddSingleton<IAuthorizationHandler, SecondFactorHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, SecondFactorRedirect>();
        services.AddSingleton<IConfigureOptions<IdentityPasskeyOptions>, ConfigurePasskeys>();
        return services;
    }

    /// <summary>"https://host[:port]" of an absolute http(s) address, else null.</summary>
    public static Uri? PublicOrigin(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new Uri(uri.GetLeftPart(UriPartial.Authority))
            : null;

    private sealed class ConfigurePasskeys(IOptions<SecurityOptions> security, PublicBaseUrl publicBaseUrl) : IConfigureOptions<IdentityPasskeyOptions>
    {
        public void Configure(IdentityPasskeyOptions options)
        {
            // Security:PublicUrl, kept from before Site:PublicUrl, wins; without either, Identity's defaults
            // apply: the request's host is the relying party, its origin the only one.
            if ((PublicOrigin(security.Value.PublicUrl) ?? PublicOrigin(publicBaseUrl.Configured)) is not { } origin)
            {
                return;
            }

            var allowed = origin.GetLeftPart(UriPartial.Authority);
            options.ServerDomain = origin.Host;
            options.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, allowed, StringComparison.OrdinalIgnoreCase));
        }
    }
}
