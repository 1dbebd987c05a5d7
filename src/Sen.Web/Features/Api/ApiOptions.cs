using System.ComponentModel.DataAnnotations;

namespace Sen.Web.Features.Api;

/// <summary>
/// Which web origins may call the public API from a browser (<c>Api:Cors:AllowedOrigins</c>, e.g.
/// <c>https://baodientu.example.vn</c>): none by default, and only for GET and HEAD.
/// </summary>
public sealed class ApiCorsOptions
{
    public const string Section = "Api:Cors";

    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>How many API requests each client (IP address) may make per minute: <c>Api:RateLimit:PermitsPerMinute</c>.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 120;
}

/// <summary>
/// The address readers use (<c>Api:PublicBaseUrl</c>, e.g. <c>https://tinhuy.example.vn</c>), from which
/// the API builds absolute canonical links. Not from the request's Host header: answers are cached for
/// everyone, and any client can send any Host. Without it, canonical links are site-relative paths.
/// </summary>
public sealed class ApiLinkOptions
{
    public const string Section = "Api";

    public string? PublicBaseUrl { get; set; }

    public string Absolute(string path) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? path : PublicBaseUrl.TrimEnd('/') + path;
}
