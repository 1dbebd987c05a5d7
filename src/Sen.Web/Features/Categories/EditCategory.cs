using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>
/// Changes a category of the current site: name, slug, parent, description, menu flags. A new slug keeps
/// the old one as an alias, so old category and article URLs answer 301; a parent inside the category's
/// own subtree is refused (the tree would become a cycle).
/// </summary>
public sealed class EditCategory(SenDbContext db, SiteContext siteContext, AuditLog audit, TimeProvider clock)
{
    public sealed record Command(int CategoryId, CategoryFields Fields);

    /// <summary>ProblemKey: why nothing was saved; Conflict: the slug belongs to another category.</summary>
    public sealed record Result(SaveResult Outcome, string? ProblemKey = null, bool Conflict = false)
    {
        public bool Saved => Outcome == SaveResult.Saved && ProblemKey is null;
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == command.CategoryId && c.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (category is null)
        {
            return new Result(SaveResult.NotFound);
        }

        var (fields, problem) = command.Fields.Clean();
        if (problem is not null)
        {
            return new Result(SaveResult.Saved, problem);
        }

        var slug = fields.Slug!;
        if (fields.ParentId != category.ParentId && await ParentProblemAsync(category, fields.ParentId, site.Id, cancellationToken).ConfigureAwait(false) is { } parentProblem)
        {
            return new Result(SaveResult.Saved, parentProblem);
        }

        if (slug != category.Slug
            && await db.Categories.AnyAsync(c => c.SiteId == site.Id && c.Slug == slug && c.Id != category.Id, cancellationToken).ConfigureAwait(false))
        {
            return new Result(SaveResult.Saved, "Category.Slug.Taken", Conflict: true);
        }

        var oldSlug = category.Slug;
        if (fields.ParentId != category.ParentId)
        {
            // Last among its new siblings, as a new category would be.
            category.SortOrder = 1 + (await db.Categories.Where(c => c.SiteId == site.Id && c.ParentId == fields.ParentId)
                .MaxAsync(c => (int?)c.SortOrder, cancellationToken).ConfigureAwait(false) ?? 0);
        }

        category.Name = fields.Name;
        category.Slug = slug;
        category.ParentId = fields.ParentId;
        category.Description = fields.Description ?? "";
        category.ShowInMenu = fields.ShowInMenu;
        category.ShowInSideMenu = fields.ShowInSideMenu;
        var entry = db.Entry(category);
        entry.DetectChanges();
        if (entry.State == EntityState.Unchanged)
        {
            return new Result(SaveResult.Saved);
        }

        if (slug != oldSlug)
        {
            await KeepOldSlugAsync(category, oldSlug, site.Id, cancellationToken).ConfigureAwait(false);
        }

        audit.Record(AuditActions.CategoryChanged, nameof(Category), category.Id.ToString(CultureInfo.InvariantCulture), category.Name, entry, site.Id);
        category.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The slug was taken between the check and the save (the unique index says so).
            db.ChangeTracker.Clear();
            if (await db.Categories.AsNoTracking().AnyAsync(c => c.SiteId == site.Id && c.Slug == slug && c.Id != command.CategoryId, cancellationToken).ConfigureAwait(false))
            {
                return new Result(SaveResult.Saved, "Category.Slug.Taken", Conflict: true);
            }

            throw;
        }

        return new Result(SaveResult.Saved);
    }

    private async Task<string?> ParentProblemAsync(Category category, int? parentId, int siteId, CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            return null;
        }

        var tree = await db.Categories.AsNoTracking().Where(c => c.SiteId == siteId)
            .Select(c => new { c.Id, c.ParentId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!tree.Any(c => c.Id == parentId))
        {
            return "Category.Parent.NotFound";
        }

        return CategoryTree.WithDescendants(category.Id, tree, c => c.Id, c => c.ParentId).Contains(parentId.Value)
            ? "Category.Parent.Cycle"
            : null;
    }

    private async Task KeepOldSlugAsync(Category category, string oldSlug, int siteId, CancellationToken cancellationToken)
    {
        var aliases = await db.CategorySlugAliases
            .Where(a => a.SiteId == siteId && (a.Slug == category.Slug || a.Slug == oldSlug))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // The new slug is a category's again (this one's, or taken over from a category that once had it).
        db.CategorySlugAliases.RemoveRange(aliases.Where(a => a.Slug == category.Slug));
        if (aliases.FirstOrDefault(a => a.Slug == oldSlug) is { } existing)
        {
            existing.CategoryId = category.Id;
        }
        else
        {
            db.CategorySlugAliases.Add(new CategorySlugAlias { SiteId = siteId, Slug = oldSlug, CategoryId = category.Id });
        }
    }
}
