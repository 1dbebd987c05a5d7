using Microsoft.EntityFrameworkCore.Diagnostics;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>
/// Runs <see cref="SearchIndexSync"/> inside every SaveChanges, so the index rows commit or roll back
/// with the articles they index.
/// </summary>
internal sealed class SearchIndexSyncInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData?.Context is SenDbContext db)
        {
            SearchIndexSync.BeforeSave(db);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is SenDbContext db)
        {
            await SearchIndexSync.BeforeSaveAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
