using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Errors;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Categories;

[OutputCache(PolicyName = PublicCache.PagedPolicy)]
public sealed class CategoryPageModel(SenDbContext db, SiteContext siteContext, ListCategoryArticles list) : PageModel
{
    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int TotalCount { get; private set; }

    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public IReadOnlyList<Breadcrumb> Breadcrumbs { get; private set; } = [];

    public IReadOnlyList<Breadcrumb> Subcategories { get; private set; } = [];

    /// <summary>For a congress term's category ("Khóa XI"): that term's documents in the library.</summary>
    public int? Term => Documents.DocumentVocabulary.TermOfCategory(Slug);

    public PagerModel Pager => new(CurrentPage, PageCount, page => CategoryUrls.CategoryPage(Slug, page));

    public async Task<IActionResult> OnGetAsync(string categorySlug, CancellationToken cancellationToken)
    {
        if (!Text.Slug.IsWellFormed(categorySlug))
        {
            return NotFound();
        }

        if (!PageQuery.TryRead(Request, out var pageNumber))
        {
            return ErrorPages.BadRequest(HttpContext, "Error.BadPageNumber");
        }

        var page = pageNumber ?? 1;

        var site = await siteContext.GetAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .Select(c => new { c.Id, c.ParentId, c.Name, c.Slug, c.Description, c.SortOrder })
            .ToListAsync(cancellationToken);
        var category = categories.FirstOrDefault(c => c.Slug == categorySlug);
        if (category is null)
        {
            // Only a slug no category has pays for this look-up: an old one answers with its new URL.
            var renamed = await db.CategorySlugAliases.AsNoTracking()
                .Where(a => a.SiteId == site.Id && a.Slug == categorySlug)
                .Select(a => (int?)a.CategoryId)
                .FirstOrDefaultAsync(cancellationToken);
            return categories.FirstOrDefault(c => c.Id == renamed) is { } target
                ? RedirectPermanent(CategoryUrls.CategoryPage(target.Slug, page))
                : NotFound();
        }

        var ids = CategoryTree.WithDescendants(category.Id, categories, c => c.Id, c => c.ParentId);

        var result = await list.HandleAsync(new ListCategoryArticles.Query(ids, page), cancellationToken);
        if (page > result.PageCount)
        {
            return NotFound();
        }

        // The page lists the articles of the whole subtree: a change in any of its categories changes it.
        PublicCache.Tag(HttpContext, ids.Select(PublicCache.Tags.Category));
        Name = category.Name;
        Slug = category.Slug;
        Description = category.Description;
        CurrentPage = page;
        PageCount = result.PageCount;
        TotalCount = result.TotalCount;
        Articles = result.Articles;
        Breadcrumbs = await CategoryTrail.LoadAsync(db, category.Id, cancellationToken);
        Subcategories = categories
            .Where(c => c.ParentId == category.Id)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new Breadcrumb(c.Name, CategoryUrls.Category(c.Slug)))
            .ToList();
        return Page();
    }
}
