namespace Sen.Web.Features.Seo;

/// <summary>
/// Share addresses of the networks readers use here. Plain links to the networks' own share pages: no
/// third-party script is loaded, so nothing of theirs runs on the portal and nobody is tracked by visiting it.
/// </summary>
public static class ShareLinks
{
    /// <param name="encodedUrl">The page's absolute URL, escaped for a query string.</param>
    public static string Facebook(string encodedUrl) => "https://www.facebook.com/sharer/sharer.php?u=" + encodedUrl;

    /// <summary>
    /// Zalo documents only its Share plugin (an element that loads sp.zalo.me/plugins/sdk.js), not a plain link; this
    /// is the share page that plugin-less sites link to, with the address in <c>url</c> (docs/SEO.md).
    /// </summary>
    /// <param name="encodedUrl">The page's absolute URL, escaped for a query string.</param>
    public static string Zalo(string encodedUrl) => "https://sp.zalo.me/share_to_zalo?url=" + encodedUrl;
}
