using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>Adds a category to the current site, last among its siblings. The slug is suggested from the name when none is given.</summary>
public sealed class CreateCategory(SenDbContext db, SiteContext siteContext, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = CategoryFields.MaxNameLength;

    public sealed record Command(string Name, string? Slug = null, int? ParentId = null, bool ShowInMenu = true, string? Description = null, bool ShowInSideMenu = false);

    /// <summary>Either the new category's id, or the key of the message saying what is wrong (Conflict: the slug is taken).</summary>
    public sealed record Result(int? CategoryId, string? ProblemKey = null, bool Conflict = false)
    {
        public bool Created => CategoryId is not null;
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (fields, problem) = new CategoryFields(command.Name, command.Slug, command.ParentId, command.Description, command.ShowInMenu, command.ShowInSideMenu).Clean();
        if (problem is not null)
        {
            return new Result(null, problem);
        }

        var slug = fields.Slug!;
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        if (command.ParentId is int parentId
            && !await db.Categories.AnyAsync(c => c.Id == parentId && c.SiteId == site.Id, cancellationToken).ConfigureAwait(false))
        {
            return new Result(null, "Category.Parent.NotFound");
        }

        if (await db.Categories.AnyAsync(c => c.SiteId == site.Id && c.Slug == slug, cancellationToken).ConfigureAwait(false))
        {
            return new Result(null, "Category.Slug.Taken", Conflict: true);
        }

        var order = await db.Categories.Where(c => c.SiteId == site.Id && c.ParentId == command.ParentId)
            .MaxAsync(c => (int?)c.SortOrder, cancellationToken).ConfigureAwait(false) ?? 0;
        var category = new Category
        {
            SiteId = site.Id,
            ParentId = command.ParentId,
            Name = fields.Name,
            Slug = slug,
            Description = fields.Description ?? "",
            SortOrder = order + 1,
            ShowInMenu = fields.ShowInMenu,
            ShowInSideMenu = fields.ShowInSideMenu,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Categories.Add(category);

        // The slug now names this category: an old URL of another category under it stops redirecting.
        db.CategorySlugAliases.RemoveRange(await db.CategorySlugAliases.Where(a => a.SiteId == site.Id && a.Slug == slug).ToListAsync(cancellationToken).ConfigureAwait(false));
        var changes = AuditLog.ChangesOf(db.Entry(category));
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Someone may have taken the slug between the check and the save (the unique index says so).
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                if (await db.Categories.AsNoTracking().AnyAsync(c => c.SiteId == site.Id && c.Slug == slug, cancellationToken).ConfigureAwait(false))
                {
                    return new Result(null, "Category.Slug.Taken", Conflict: true);
                }

                throw;
            }

            audit.Record(AuditActions.CategoryCreated, nameof(Category), category.Id.ToString(CultureInfo.InvariantCulture), category.Name, siteId: site.Id).Changes = changes;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new Result(category.Id);
    }
}
