using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Redirects;

/// <summary>
/// A saved redirect (the admin page, an import) empties the in-memory table, on this node at once and on
/// the others through <see cref="Infrastructure.Cluster.ClusterChanges"/>.
/// </summary>
internal sealed class RedirectChangeRule(RedirectTable table) : ContentChangeRule<Redirect>
{
    protected override void Saving(EntityEntry entry, Redirect entity, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Refresh(table.Clear);
    }

    public override void BulkChanged(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Refresh(table.Clear);
    }
}
