using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Generate;
using Sen.Web.Features.Import;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Infrastructure.Cli;

/// <summary>The operators' face of the same binary: `sen import text page.txt --category cong-tac-dan-van`.</summary>
public static class SenCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Sen – cổng thông tin điện tử / e-information portal. Không có lệnh: chạy máy chủ web.");
        root.Subcommands.Add(new Command("serve", "Chạy cổng thông tin (mặc định). / Serve the portal (default)."));
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(Features.Search.SearchCommands.Create());
        foreach (var extension in Extensions)
        {
            root.Subcommands.Add(extension());
        }

        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ListingBenchCommand.Create());

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    /// <summary>Features add their commands here (search rebuild, generate, ...).</summary>
    internal static List<Func<Command>> Extensions { get; } = [];

    /// <summary>Builds the app without serving it, migrates, and runs <paramref name="work"/> in a scope.</summary>
    public static async Task<int> WithServicesAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var app = SenApp.Build([]);
        await app.Services.InitializeDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
    }

    private static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp văn bản trang cũ (UTF-8). / Legacy page text file (UTF-8)." };
        var category = new Option<string>("--category") { Description = "Slug chuyên mục nhận bài. / Slug of the target category.", Required = true };
        var text = new Command("text", "Nhập một bài viết từ văn bản trang cũ. / Import one article from legacy page text.") { file, category };
        text.SetAction((parse, cancellationToken) => WithServicesAsync(async (services, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp / file not found: {path.FullName}").ConfigureAwait(false);
                return 2;
            }

            var result = LegacyPageParser.Parse(await File.ReadAllTextAsync(path.FullName, ct).ConfigureAwait(false));
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
                }

                return 1;
            }

            var db = services.GetRequiredService<SenDbContext>();
            var site = await services.GetRequiredService<SiteContext>().GetAsync(ct).ConfigureAwait(false);
            var slug = parse.GetValue(category)!;
            var target = await db.Categories.FirstOrDefaultAsync(c => c.SiteId == site.Id && c.Slug == slug, ct).ConfigureAwait(false);
            if (target is null)
            {
                await Console.Error.WriteLineAsync($"Không có chuyên mục / no category: {slug}").ConfigureAwait(false);
                return 1;
            }

            var article = await services.GetRequiredService<ImportLegacyPage>()
                .HandleAsync(new ImportLegacyPage.Command(site.Id, target.Id, result.Page!, null), ct).ConfigureAwait(false);
            Console.WriteLine($"Đã nhập / imported: {Features.Articles.ArticleUrls.Article(target.Slug, article.Slug, article.Id)}");
            return 0;
        }, cancellationToken));

        return new Command("import", "Nhập nội dung. / Import content.") { text };
    }
}
