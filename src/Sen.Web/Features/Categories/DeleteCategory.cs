using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>
/// Deletes an empty category: one with subcategories, articles (in the bin too) or revisions naming it is
/// refused, since those would lose their place. Its old slugs go with it.
/// </summary>
public sealed class DeleteCategory(SenDbContext db, SiteContext siteContext, AuditLog audit)
{
    /// <summary>ProblemKey: why the category stays (a conflict with what is in it).</summary>
    public sealed record Result(SaveResult Outcome, string? ProblemKey = null);

    public async Task<Result> HandleAsync(int categoryId, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId && c.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (category is null)
        {
            return new Result(SaveResult.NotFound);
        }

        if (await db.Categories.AnyAsync(c => c.ParentId == categoryId, cancellationToken).ConfigureAwait(false))
        {
            return new Result(SaveResult.Conflict, "Category.Delete.HasChildren");
        }

        if (await db.Articles.AnyAsync(a => a.CategoryId == categoryId, cancellationToken).ConfigureAwait(false)
            || await db.ArticleRevisions.AnyAsync(r => r.CategoryId == categoryId, cancellationToken).ConfigureAwait(false))
        {
            return new Result(SaveResult.Conflict, "Category.Delete.HasArticles");
        }

        db.CategorySlugAliases.RemoveRange(await db.CategorySlugAliases.Where(a => a.CategoryId == categoryId).ToListAsync(cancellationToken).ConfigureAwait(false));
        db.Categories.Remove(category);
        audit.Record(AuditActions.CategoryDeleted, nameof(Category), category.Id.ToString(CultureInfo.InvariantCulture), category.Name, db.Entry(category), site.Id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new Result(SaveResult.Saved);
    }
}
