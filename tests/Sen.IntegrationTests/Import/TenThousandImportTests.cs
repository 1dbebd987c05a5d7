using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Import;

/// <summary>10,000 generated items imported twice on SQLite: exact counts, the second run changes nothing, no duplicates.</summary>
public sealed class TenThousandImportTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private const int Items = 10_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_thousand_items_imported_twice_give_ten_thousand_articles_and_redirects()
    {
        var first = await RunAsync();
        Assert.Equal(Items, first.Imported);
        Assert.Empty(first.Failures);

        var second = await RunAsync();
        Assert.Equal(0, second.Imported);
        Assert.Equal(0, second.Updated);
        Assert.Equal(Items, second.Unchanged);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
        Assert.Equal(Items, await db.Articles.CountAsync(a => a.ImportSourceKey != null && EF.Functions.Like(a.ImportSourceKey, "big:%"), Ct));
        Assert.Equal(Items, await db.Redirects.CountAsync(r => r.Source == "big", Ct));
        Assert.Equal(Items, await db.ArticleRevisions.CountAsync(r => r.SavedByName == ImportRunner.ActorName, Ct));
    }

    private async Task<ImportSummary> RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var stopwatch = Stopwatch.StartNew();
        var summary = await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(new GeneratedSource("big", Items), new ImportOptions(), null, Ct);
        TestContext.Current.SendDiagnosticMessage($"{Items} items: {stopwatch.Elapsed.TotalSeconds:0.0} s ({summary.Imported} new, {summary.Unchanged} unchanged)");
        return summary;
    }
}
