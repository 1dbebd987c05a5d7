using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Sites;

/// <summary>The site's name, welcome line and footer are on every page.</summary>
internal sealed class SiteChangeRule : ContentChangeRule<Site>
{
    protected override void Saving(EntityEntry entry, Site site, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Evict(PublicCache.Tags.Chrome);
    }
}
