using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Categories;

/// <summary>Adds a category to the current site, last among its siblings. The slug is suggested from the name when none is given.</summary>
public sealed class CreateCategory(SenDbContext db, SiteContext siteContext, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    public sealed record Command(string Name, string? Slug = null, int? ParentId = null, bool ShowInMenu = true);

    /// <summary>Either the new category's id, or the key of the message saying what is wrong (Conflict: the slug is taken).</summary>
    public sealed record Result(int? CategoryId, string? ProblemKey = null, bool Conflict = false)
    {
        public bool Created => CategoryId is not null;
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = VietnameseText.Nfc(command.Name)?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return new Result(null, "Category.Name.Invalid");
        }

        var slug = string.IsNullOrWhiteSpace(command.Slug) ? Slug.From(name) : command.Slug.Trim();
        if (CategorySlugs.Problem(slug) is { } problem)
        {
            return new Result(null, problem);
        }

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
            Name = name,
            Slug = slug,
            SortOrder = order + 1,
            ShowInMenu = command.ShowInMenu,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Categories.Add(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Someone may have taken the slug between the check and the save (the unique index says so).
            db.Entry(category).State = EntityState.Detached;
            if (await db.Categories.AsNoTracking().AnyAsync(c => c.SiteId == site.Id && c.Slug == slug, cancellationToken).ConfigureAwait(false))
            {
                return new Result(null, "Category.Slug.Taken", Conflict: true);
            }

            throw;
        }

        return new Result(category.Id);
    }
}
