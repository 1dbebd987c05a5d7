using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Media;

/// <summary>Finds the <see cref="ResponsiveImage"/> of an image URL a page holds (an article's cover), when it names a stored image.</summary>
public sealed class MediaPictures(SenDbContext db, SiteContext siteContext)
{
    /// <summary>
    /// The picture for <paramref name="url"/> when it is <c>/media/{key}</c> of one of the site's images
    /// (any of its variants); null for any other URL, which the page shows as before. The page is tagged so
    /// that a change of the asset's alt text evicts it.
    /// </summary>
    public async Task<ResponsiveImage?> ForUrlAsync(HttpContext context, string? url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (MediaKeys.FromUrl(url) is not { } key)
        {
            return null;
        }

        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var asset = await db.MediaAssets.AsNoTracking()
            .Where(a => a.SiteId == site.Id && a.Kind == MediaKind.Image && (a.Key == key || a.Variants.Any(v => v.Key == key)))
            .Select(a => new { a.Id, a.AltText, a.Width, a.Height, Sources = a.Variants.Select(v => new ResponsiveImage.Source(v.Key, v.ContentType, v.Width)).ToList() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (asset is null)
        {
            return null;
        }

        PublicCache.Tag(context, MediaAssetChangeRule.Tag(asset.Id));
        return ResponsiveImage.From(asset.Id, asset.AltText, asset.Width ?? 0, asset.Height ?? 0, asset.Sources);
    }
}
