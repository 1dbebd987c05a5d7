using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Home;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class HomePageModel(SenDbContext db, SiteContext siteContext, TimeProvider clock) : PageModel
{
    private const int PerCategory = 5;

    public ArticleSummary? Featured { get; private set; }

    public IReadOnlyList<CategorySection> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PublicCache.Tag(HttpContext, PublicCache.Tags.Home);
        var site = await siteContext.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var published = db.Articles.AsNoTracking().Where(a => a.SiteId == site.Id).Published(now);

        // Two index walks newest-first instead of one ORDER BY IsFeatured, which sorted every published article.
        Featured = await Summaries(published.Where(a => a.IsFeatured).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id))
                .FirstOrDefaultAsync(cancellationToken)
            ?? await Summaries(published.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id))
                .FirstOrDefaultAsync(cancellationToken);

        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.Name, c.Slug, c.ShowInMenu })
            .ToListAsync(cancellationToken);

        var sections = new List<CategorySection>();
        foreach (var top in categories.Where(c => c.ParentId is null && c.ShowInMenu))
        {
            var ids = CategoryTree.WithDescendants(top.Id, categories, c => c.Id, c => c.ParentId);

            var latest = await Summaries(published.Where(a => ids.Contains(a.CategoryId) && a.Id != (Featured == null ? 0 : Featured.Id))
                    .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id))
                .Take(PerCategory)
                .ToListAsync(cancellationToken);
            if (latest.Count > 0)
            {
                sections.Add(new CategorySection(top.Name, CategoryUrls.Category(top.Slug), latest));
            }
        }

        Sections = sections;
    }

    private static IQueryable<ArticleSummary> Summaries(IQueryable<Article> articles) =>
        articles.Select(a => new ArticleSummary(a.Id, a.Title, a.Slug, a.Lead, a.CoverImageUrl, a.Category!.Slug, a.Category.Name, a.PublishedAt!.Value));
}

public sealed record CategorySection(string Name, string Url, IReadOnlyList<ArticleSummary> Articles);
