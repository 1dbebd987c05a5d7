using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>
/// Databases from before search (or restored without the index) get one built once, as the app starts.
/// Only where the app migrates: operators who migrate by hand run <c>sen search rebuild</c> themselves.
/// </summary>
internal sealed class BuildMissingSearchIndexOnStart(RebuildSearchIndex rebuild) : IDatabaseStartupTask
{
    public int Order => IDatabaseStartupTask.DerivedOrder;

    public async Task RunAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Migrate)
        {
            await rebuild.EnsureBuiltAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
