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
