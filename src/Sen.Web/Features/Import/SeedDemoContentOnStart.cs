using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Import;

/// <summary>Loads the demo content into an empty database as the app starts, unless Database:SeedDemoContent is off.</summary>
internal sealed class SeedDemoContentOnStart(DemoContentSeeder seeder) : IDatabaseStartupTask
{
    public int Order => IDatabaseStartupTask.ContentOrder;

    public async Task RunAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SeedDemoContent)
        {
            await seeder.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
