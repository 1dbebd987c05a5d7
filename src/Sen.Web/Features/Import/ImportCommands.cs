using System.CommandLine;
using System.Text.Json;
using Sen.Web.Features.Import.Pages;
using Sen.Web.Features.Import.Pipeline;

namespace Sen.Web.Features.Import;

/// <summary>`sen import text page.txt… --category cong-tac-dan-van`, `sen import pages FOLDER`, `sen import wordpress FILE.xml` (docs/IMPORT.md).</summary>
public static class ImportCommands
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Tệp văn bản trang cũ (UTF-8, TCVN3 hoặc VNI). / Legacy page text files (UTF-8, TCVN3 or VNI).", Arity = ArgumentArity.OneOrMore };
        var text = new Command("text", "Nhập bài viết từ văn bản trang cũ; chạy lại thì cập nhật, không nhân đôi. / Import articles from legacy page text; a re-run updates, never duplicates.") { files };
        ImportConsole.AddOptions(text);
        text.SetAction(async (parse, cancellationToken) =>
        {
            // The files are checked before the database is opened, so a wrong path changes nothing.
            var paths = parse.GetValue(files)!;
            if (paths.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp / file not found: {missing.FullName}").ConfigureAwait(false);
                return ImportConsole.CannotStart;
            }

            return await ImportConsole.RunAsync(parse, new LegacyTextSource([.. paths.Select(f => f.FullName)]), cancellationToken).ConfigureAwait(false);
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
}
