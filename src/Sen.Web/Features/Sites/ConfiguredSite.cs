using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Sites;

/// <summary>
/// The one site this node serves (Sen:SiteKey, default "default"), whatever Host header a request
/// carries. Resolving sub-sites by host name will replace this class.
/// </summary>
public sealed class ConfiguredSite(IConfiguration configuration) : IRequestSite
{
    public string Key { get; } = configuration["Sen:SiteKey"] ?? SiteContext.DefaultKey;

    public string KeyFor(HttpRequest request) => Key;
}
