using System.Globalization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Media;

/// <summary>
/// A new asset is on no page yet; a changed one (its alt text) is on the pages that show it, which tag
/// themselves with <see cref="Tag"/> as they render it.
/// </summary>
internal sealed class MediaAssetChangeRule : ContentChangeRule<MediaAsset>
{
    public static string Tag(int mediaAssetId) => string.Create(CultureInfo.InvariantCulture, $"media:{mediaAssetId}");

    protected override void Saving(EntityEntry entry, MediaAsset asset, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(change);
        if (entry.State != Microsoft.EntityFrameworkCore.EntityState.Added)
        {
            change.Evict(Tag(asset.Id));
        }
    }
}
