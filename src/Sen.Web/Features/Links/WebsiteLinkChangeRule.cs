using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

/// <summary>The website links are in the side column of every page.</summary>
internal sealed class WebsiteLinkChangeRule : ContentChangeRule<WebsiteLink>
{
    protected override void Saving(EntityEntry entry, WebsiteLink link, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Evict(PublicCache.Tags.Chrome);
    }
}
