using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Data;

namespace Sen.Tools.Generate;

/// <summary>`sen-tools generate --articles 100000 --seed 1`: fills the database with realistic articles for load tests.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles")
        {
            Description = "Số bài viết cần tạo. / Number of articles to write.",
            DefaultValueFactory = _ => 1000,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Hạt giống ngẫu nhiên: cùng hạt giống, cùng nội dung. / Random seed: same seed, same content.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("generate", "Tạo bài viết mẫu tiếng Việt để thử tải. / Generate Vietnamese sample articles for load tests.")
        {
            articles, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(articles);
            if (count < 0)
            {
                await Console.Error.WriteLineAsync("--articles phải không âm / must not be negative").ConfigureAwait(false);
                return 2;
            }

            return await SenCommandLine.WithServicesAsync((services, ct) => GenerateAsync(services, count, parse.GetValue(seed), ct), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, int count, int seed, CancellationToken cancellationToken)
    {
        var site = await services.GetRequiredService<SiteContext>().GetAsync(cancellationToken).ConfigureAwait(false);
        var progress = new Progress<int>(done =>
        {
            if (done % 20_000 == 0 || done == count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done:N0} / {count:N0}"));
            }
        });
        var result = await ActivatorUtilities.CreateInstance<GenerateArticles>(services)
            .HandleAsync(new GenerateArticles.Command(site.Id, count, seed), progress, cancellationToken).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã tạo / generated {result.Inserted:N0} bài / articles in {result.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã lập chỉ mục tìm kiếm / search index rebuilt: {result.Indexed:N0} in {result.Indexing.TotalSeconds:F1} s"));

        // The start-up tasks once more, as the portal's next start would run them: the new articles get their first
        // revision here, so that start does not pay for 100,000 copies (and bench/run.sh times a normal start).
        var clock = Stopwatch.StartNew();
        await services.InitializeDatabaseAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã chạy các việc khởi động / start-up tasks run (first revisions): {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }
}
