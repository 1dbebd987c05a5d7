using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Data;

namespace Sen.Tools.Bench;

/// <summary>
/// `sen-tools bench listing --category tin-tuc-su-kien --page 1 --page 5000`: times the category page
/// query itself, without HTTP or the output cache in the way (used by bench/run.sh).
/// </summary>
public static class ListingBench
{
    public static Command Create()
    {
        var category = new Option<string>("--category") { Description = "Slug chuyên mục. / Category slug.", DefaultValueFactory = _ => "tin-tuc-su-kien" };
        var pages = new Option<int[]>("--page") { Description = "Các trang cần đo. / Page numbers to time.", DefaultValueFactory = _ => [1, 5000], AllowMultipleArgumentsPerToken = true };
        var repeat = new Option<int>("--repeat") { Description = "Số lần đo mỗi trang. / Timed runs per page.", DefaultValueFactory = _ => 200 };
        var command = new Command("listing", "Đo truy vấn trang chuyên mục. / Time category page queries.") { category, pages, repeat };
        command.SetAction((parse, cancellationToken) => SenCommandLine.WithServicesAsync(async (services, ct) =>
        {
            var site = await services.GetRequiredService<SiteContext>().GetAsync(ct).ConfigureAwait(false);
            var db = services.GetRequiredService<SenDbContext>();
            var categories = await db.Categories.AsNoTracking().Where(c => c.SiteId == site.Id)
                .Select(c => new { c.Id, c.ParentId, c.Slug, c.Name }).ToListAsync(ct).ConfigureAwait(false);
            var slug = parse.GetValue(category)!;
            var target = categories.FirstOrDefault(c => c.Slug == slug);
            if (target is null)
            {
                await Console.Error.WriteLineAsync($"Không có chuyên mục / no category: {slug}").ConfigureAwait(false);
                return 1;
            }

            var ids = CategoryTree.WithDescendants(target.Id, categories, c => c.Id, c => c.ParentId);

            var scopes = services.GetRequiredService<IServiceScopeFactory>();
            var runs = Math.Max(1, parse.GetValue(repeat));
            foreach (var page in parse.GetValue(pages)!)
            {
                var query = new ListCategoryArticles.Query(ids, page);
                var times = new double[runs];
                var count = 0;
                for (var run = -10; run < runs; run++)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var handler = scope.ServiceProvider.GetRequiredService<ListCategoryArticles>();
                    var started = Stopwatch.GetTimestamp();
                    var result = await handler.HandleAsync(query, ct).ConfigureAwait(false);
                    if (run >= 0)
                    {
                        times[run] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }

                    count = result.Articles.Count;
                }

                Array.Sort(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"page={page} rows={count} median_ms={times[runs / 2]:F3} p90_ms={times[runs * 9 / 10]:F3} mean_ms={times.Average():F3}"));
            }

            return 0;
        }, cancellationToken));
        return command;
    }
}
