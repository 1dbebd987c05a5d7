using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Import.Pages;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Import;

/// <summary>`sen import text page.txt --category cong-tac-dan-van`, `sen import pages FOLDER` (docs/IMPORT.md).</summary>
public static class ImportCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp văn bản trang cũ (UTF-8). / Legacy page text file (UTF-8)." };
        var category = new Option<string>("--category") { Description = "Slug chuyên mục nhận bài. / Slug of the target category.", Required = true };
        var text = new Command("text", "Nhập một bài viết từ văn bản trang cũ. / Import one article from legacy page text.") { file, category };
        text.SetAction(async (parse, cancellationToken) =>
        {
            // The file is read and checked before the database is opened, so a wrong path changes nothing.
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp / file not found: {path.FullName}").ConfigureAwait(false);
                return 2;
            }

            var result = LegacyPageParser.Parse(await File.ReadAllTextAsync(path.FullName, cancellationToken).ConfigureAwait(false));
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
                }

                return 1;
            }

            return await SenCommandLine.WithServicesAsync((services, ct) => ImportAsync(services, result.Page!, parse.GetValue(category)!, ct), cancellationToken).ConfigureAwait(false);
        });

        return new Command("import", "Nhập nội dung. / Import content.") { text, Pages(), WordPress.WordPressImportCommand.Create() };
    }

    /// <summary>`sen import pages FOLDER [--config selectors.json] [--map old=new] [--status published|draft] [--category slug] [--dry-run]`.</summary>
    private static Command Pages()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Thư mục các trang đã lưu từ cổng cũ. / Folder of pages saved from the old portal." };
        var config = new Option<FileInfo?>("--config") { Description = "Tệp JSON các bộ chọn CSS (title, date, body, author, views, breadcrumb, lead, remove). / JSON file of CSS selectors." };
        var pages = new Command("pages", "Nhập một thư mục trang HTML đã lưu của cổng thông tin cũ. / Import a folder of saved pages of an old portal.") { folder, config };
        ImportConsole.AddOptions(pages);
        pages.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(folder)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy thư mục / folder not found: {path.FullName}").ConfigureAwait(false);
                return ImportConsole.CannotStart;
            }

            var selectors = PageSelectors.None;
            if (parse.GetValue(config) is { } file)
            {
                try
                {
                    selectors = PageSelectors.Load(file.FullName);
                }
                catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
                {
                    await Console.Error.WriteLineAsync($"Không đọc được tệp cấu hình / cannot read the config: {file.FullName}: {e.Message}").ConfigureAwait(false);
                    return ImportConsole.CannotStart;
                }
            }

            return await ImportConsole.RunAsync(parse, new SavedPagesSource(path.FullName, selectors), cancellationToken).ConfigureAwait(false);
        });
        return pages;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, LegacyPage page, string slug, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SenDbContext>();
        var site = await services.GetRequiredService<SiteContext>().GetAsync(cancellationToken).ConfigureAwait(false);
        var target = await db.Categories.FirstOrDefaultAsync(c => c.SiteId == site.Id && c.Slug == slug, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            await Console.Error.WriteLineAsync($"Không có chuyên mục / no category: {slug}").ConfigureAwait(false);
            return 1;
        }

        var article = await services.GetRequiredService<ImportLegacyPage>()
            .HandleAsync(new ImportLegacyPage.Command(site.Id, target.Id, page, null), cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Đã nhập / imported: {ArticleUrls.Article(target.Slug, article.Slug, article.Id)}");
        return 0;
    }
}
