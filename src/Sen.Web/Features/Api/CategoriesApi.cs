using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Api;

/// <summary>GET /api/v1/categories: the site's category tree in menu order (evicted with the chrome, as every category change does).</summary>
public static class CategoriesApi
{
    public const string Path = "/categories";

    public static RouteGroupBuilder MapCategoriesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet(Path, ListAsync)
            .WithName("ListCategories")
            .Produces<IReadOnlyList<ApiCategory>>()
            .WithApiResponses(badRequest: false)
            .CacheOutput(new ApiCachePolicy(PublicCache.Lifetime));
        return api;
    }

    private static async Task<IResult> ListAsync(SenDbContext db, SiteContext siteContext, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.Slug, c.Name, c.Description })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(r => r.Id).ToHashSet();
        var byParent = rows.ToLookup(r => r.ParentId is int p && ids.Contains(p) ? p : (int?)null);

        // Depth-bounded: a malformed (cyclic) tree cannot recurse forever.
        List<ApiCategory> Nodes(int? parent, int depth) => depth > CategoryTree.MaxNodes
            ? []
            : byParent[parent].Select(r => new ApiCategory(r.Id, r.Slug, r.Name, r.Description, CategoryUrls.Category(r.Slug), Nodes(r.Id, depth + 1))).ToList();

        return TypedResults.Ok<IReadOnlyList<ApiCategory>>(Nodes(null, 0));
    }
}
