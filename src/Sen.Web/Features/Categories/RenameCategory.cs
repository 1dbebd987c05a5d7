using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>
/// Renames a category. Its slug, and so every URL, stays. Category names are in the menus on every
/// page, in breadcrumbs and in lists, so all public pages are evicted.
/// </summary>
public sealed class RenameCategory(SenDbContext db, SiteContext siteContext, TimeProvider clock)
{
    public sealed record Command(int CategoryId, string Name);

    public async Task<SaveResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == command.CategoryId && c.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (category is null)
        {
            return SaveResult.NotFound;
        }

        category.Name = command.Name.Trim();
        category.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SaveResult.Saved;
    }
}
