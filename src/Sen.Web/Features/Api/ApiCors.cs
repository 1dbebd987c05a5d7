using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Sen.Web.Features.Api;

/// <summary>
/// Cross-origin reads of the public API: only the origins in <c>Api:Cors:AllowedOrigins</c> (none by
/// default), only GET and HEAD, no credentials. Browsers of other origins get no CORS headers.
/// </summary>
public static class ApiCors
{
    public const string Policy = "public-api";

    public static IServiceCollection AddApiCors(this IServiceCollection services)
    {
        services.AddOptions<ApiCorsOptions>()
            .BindConfiguration(ApiCorsOptions.Section)
            .Validate(o => o.AllowedOrigins.All(IsOrigin), "Api:Cors:AllowedOrigins must be origins such as https://example.vn (scheme and host, no path).")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiCorsOptions>>((cors, api) =>
            cors.AddPolicy(Policy, p => p
                .WithOrigins(api.Value.AllowedOrigins.Select(o => o.TrimEnd('/')).ToArray())
                .WithMethods(HttpMethods.Get, HttpMethods.Head)
                .AllowAnyHeader()
                .WithExposedHeaders("ETag", "Retry-After")));
        return services;
    }

    /// <summary>The request's Origin when it is one of the configured ones, else null.</summary>
    public static string? AllowedOrigin(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        var allowed = context.RequestServices.GetRequiredService<IOptions<ApiCorsOptions>>().Value.AllowedOrigins;
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)) ? origin : null;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.PathAndQuery == "/" && value.TrimEnd('/').Length == uri.GetLeftPart(UriPartial.Authority).Length;
}
