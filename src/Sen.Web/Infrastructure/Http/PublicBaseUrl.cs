namespace Sen.Web.Infrastructure.Http;

/// <summary>
/// The address readers type (https://tinhuy.example.vn), from <c>Site:PublicUrl</c>: canonical links, feeds,
/// sitemaps, Open Graph, passkeys and the links in e-mails all use it. The older keys <c>Security:PublicUrl</c>
/// and <c>Smtp:PublicUrl</c> still work: each wins for its own use (passkeys, e-mails), and the first one set
/// stands in for <c>Site:PublicUrl</c> when that is empty. With none set, the address comes from the request.
/// </summary>
public sealed class PublicBaseUrl
{
    public const string Key = SiteUrlOptions.Section + ":" + nameof(SiteUrlOptions.PublicUrl);

    private static readonly string[] LegacyKeys = ["Security:PublicUrl", "Smtp:PublicUrl"];

    public PublicBaseUrl(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var key in (string[])[Key, .. LegacyKeys])
        {
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            // A malformed value stops the start (SiteUrlOptions and the older keys' own options are validated on start).
            Configured = Parse(value);
            break;
        }
    }

    /// <summary>The configured base ("https://host[:port][/path]", no trailing slash), or null when it comes from each request.</summary>
    public string? Configured { get; }

    /// <summary>"scheme://host[:port][/path]" of an absolute http(s) address without query or fragment, else null.</summary>
    public static string? Parse(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;

    /// <summary>
    /// "https://host/path" when <c>Site:PublicUrl</c> (or an older key) is set, else the site-relative path as it is:
    /// for answers cached for every client, which must not carry whatever Host header the first one sent.
    /// </summary>
    public string AbsoluteWhenConfigured(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Configured is null ? path : Configured + (path.StartsWith('/') ? path : "/" + path);
    }

    /// <summary>The base for this request: the configured one, else the request's scheme, host and path base.</summary>
    public string For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Configured ?? string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value);
    }

    /// <summary>An absolute URL for a site-relative path ("/tin-tuc" → "https://host/tin-tuc"); absolute URLs are kept.</summary>
    public string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return path;
        }

        return For(request) + (path.StartsWith('/') ? path : "/" + path);
    }
}

/// <summary>The "Site" section: the public base URL (<see cref="PublicBaseUrl"/>).</summary>
public sealed class SiteUrlOptions
{
    public const string Section = "Site";

    public string? PublicUrl { get; set; }
}

public static class PublicBaseUrlServiceCollectionExtensions
{
    public static IServiceCollection AddPublicBaseUrl(this IServiceCollection services)
    {
        services.AddOptions<SiteUrlOptions>().BindConfiguration(SiteUrlOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || PublicBaseUrl.Parse(o.PublicUrl) is not null, "Site:PublicUrl must be an absolute http(s) address without query, such as https://tinhuy.example.vn.")
            .ValidateOnStart();
        services.AddSingleton<PublicBaseUrl>();
        return services;
    }
}
