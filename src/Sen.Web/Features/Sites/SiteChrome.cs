using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Polls;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Sites;

/// <summary>What every public page shows around its content: header, menus, links, footer.</summary>
public sealed record SiteChromeModel(
    Site Site,
    IReadOnlyList<MenuItem> MainMenu,
    IReadOnlyList<MenuItem> SideMenu,
    IReadOnlyList<LinkItem> Links)
{
    /// <summary>The poll taking votes now, shown under the links ("Thăm dò ý kiến"); null when none is.</summary>
    public PollResults? Poll { get; init; }
}

public sealed record MenuItem(int Id, string Name, string Url, IReadOnlyList<MenuItem> Children);

public sealed record LinkItem(string Title, string Url);

/// <summary>Loads the chrome once per request for the layout.</summary>
public sealed class SiteChrome(SenDbContext db, SiteContext siteContext, ReadPolls polls)
{
    private SiteChromeModel? model;

    public async Task<SiteChromeModel> GetAsync(CancellationToken cancellationToken = default)
    {
        if (model is not null)
        {
            return model;
        }

        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.Name, c.Slug, c.ShowInMenu, c.ShowInSideMenu })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var links = await db.WebsiteLinks.AsNoTracking()
            .Where(l => l.SiteId == site.Id)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new LinkItem(l.Title, l.Url))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        IReadOnlyList<MenuItem> ChildrenOf(int id) => categories
            .Where(c => c.ParentId == id && c.ShowInMenu)
            .Select(c => new MenuItem(c.Id, c.Name, CategoryUrls.Category(c.Slug), ChildrenOf(c.Id)))
            .ToList();

        var roots = categories.Where(c => c.ParentId is null).ToList();
        var main = roots.Where(c => c.ShowInMenu).Select(c => new MenuItem(c.Id, c.Name, CategoryUrls.Category(c.Slug), [])).ToList();
        var side = roots.Where(c => c.ShowInSideMenu).Select(c => new MenuItem(c.Id, c.Name, CategoryUrls.Category(c.Slug), ChildrenOf(c.Id))).ToList();
        var poll = await polls.CurrentAsync(site.Id, cancellationToken).ConfigureAwait(false);
        model = new SiteChromeModel(site, main, side, links) { Poll = poll };
        return model;
    }
}
