using System.CommandLine;
using System.Globalization;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Cli;

namespace Sen.Web.Features.Generate;

/// <summary>`sen generate --articles 100000 --seed 1`: fills the database with realistic articles for load tests.</summary>
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
        command.SetAction((parse, cancellationToken) => SenCommandLine.WithServicesAsync(async (services, ct) =>
        {
            var count = parse.GetValue(articles);
            if (count < 0)
            {
                await Console.Error.WriteLineAsync("--articles phải không âm / must not be negative").ConfigureAwait(false);
                return 2;
            }

            var site = await services.GetRequiredService<SiteContext>().GetAsync(ct).ConfigureAwait(false);
            var progress = new Progress<int>(done =>
            {
                if (done % 20_000 == 0 || done == count)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done:N0} / {count:N0}"));
                }
            });
            // Built on demand: only this command uses it, so it needs no registration in the app.
            var result = await ActivatorUtilities.CreateInstance<GenerateArticles>(services)
                .HandleAsync(new GenerateArticles.Command(site.Id, count, parse.GetValue(seed)), progress, ct).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã tạo / generated {result.Inserted:N0} bài / articles in {result.Elapsed.TotalSeconds:F1} s"));
            return 0;
        }, cancellationToken));
        return command;
    }
}
