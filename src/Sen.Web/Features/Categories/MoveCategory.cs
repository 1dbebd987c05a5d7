using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>Moves a category one place up or down among its siblings (menus show them in this order).</summary>
public sealed class MoveCategory(SenDbContext db, SiteContext siteContext, AuditLog audit)
{
    public sealed record Command(int CategoryId, bool Up);

    public async Task<SaveResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == command.CategoryId && c.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (category is null)
        {
            return SaveResult.NotFound;
        }

        var siblings = await db.Categories.Where(c => c.SiteId == site.Id && c.ParentId == category.ParentId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (SortOrders.Move(siblings, category, command.Up, c => c.SortOrder, (c, order) => c.SortOrder = order))
        {
            audit.Record(AuditActions.CategoryChanged, nameof(Category), category.Id.ToString(CultureInfo.InvariantCulture), category.Name, db.Entry(category), site.Id);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return SaveResult.Saved;
    }
}
