using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

public sealed record Breadcrumb(string Name, string Url);

/// <summary>The path from the top of the category tree down to a category, for breadcrumbs.</summary>
public static class CategoryTrail
{
    private const int MaxDepth = 16;

    public static async Task<IReadOnlyList<Breadcrumb>> LoadAsync(SenDbContext db, int categoryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var trail = new List<Breadcrumb>();
        int? next = categoryId;
        while (next is int id && trail.Count < MaxDepth)
        {
            var category = await db.Categories.AsNoTracking()
                .Where(c => c.Id == id)
                .Select(c => new { c.Name, c.Slug, c.ParentId })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (category is null)
            {
                break;
            }

            trail.Insert(0, new Breadcrumb(category.Name, CategoryUrls.Category(category.Slug)));
            next = category.ParentId;
        }

        return trail;
    }
}
