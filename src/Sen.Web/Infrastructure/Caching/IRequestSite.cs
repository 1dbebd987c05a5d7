namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// The site a request is for, by key. Cached pages are kept per site, never per raw Host header, which
/// any client can set: made-up host names must not multiply the cache's entries.
/// </summary>
public interface IRequestSite
{
    /// <summary>The key cached copies are kept under. Called on every cached hit: must not allocate.</summary>
    string KeyFor(HttpRequest request);

    /// <summary>The key of the site itself (Sites.Key), for what is stored per site rather than per cached copy (redirects).</summary>
    string SiteKeyFor(HttpRequest request);
}
