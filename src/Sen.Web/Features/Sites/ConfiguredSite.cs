using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Sites;

/// <summary>
/// The one site this node serves (Sen:SiteKey, default "default"), whatever Host header a request
/// carries. Resolving sub-sites by host name will replace this class.
/// </summary>
/// <remarks>
/// Pages carry absolute links (canonical, Open Graph, feeds) built from <see cref="PublicBaseUrl"/>. Without a
/// configured Site:PublicUrl those come from the request, so then each scheme and host gets cached copies of
/// its own: a made-up Host header must never end up in the links other readers get. Production sets
/// Site:PublicUrl, which keeps one copy for all hosts and this lookup free of allocations.
/// </remarks>
public sealed class ConfiguredSite(IConfiguration configuration, PublicBaseUrl publicBaseUrl) : IRequestSite
{
    public string Key { get; } = configuration["Sen:SiteKey"] ?? SiteContext.DefaultKey;

    public string SiteKeyFor(HttpRequest request) => Key;

    public string KeyFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Not \u001e or \u001f: the output cache refuses to store under a vary value holding its own key delimiters.
        return publicBaseUrl.Configured is null ? string.Concat(Key, "|", publicBaseUrl.For(request)) : Key;
    }
}
