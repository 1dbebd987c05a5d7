namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// The site a request is for, by key. Cached pages are kept per site, never per raw Host header, which
/// any client can set: made-up host names must not multiply the cache's entries.
/// </summary>
public interface IRequestSite
{
    /// <summary>Called on every cached hit: must not allocate.</summary>
    string KeyFor(HttpRequest request);
}
