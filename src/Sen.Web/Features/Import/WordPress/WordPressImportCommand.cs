using System.CommandLine;
using Sen.Web.Features.Import.Pipeline;

namespace Sen.Web.Features.Import.WordPress;

/// <summary>`sen import wordpress export.xml --uploads wp-content/uploads [--map …] [--status …] [--category …] [--dry-run]` through the import pipeline.</summary>
public static class WordPressImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp xuất WordPress (WXR, .xml). / WordPress export file (WXR, .xml)." };
        var uploads = new Option<DirectoryInfo?>("--uploads") { Description = "Bản sao thư mục wp-content/uploads của trang cũ. / A copy of the old site's wp-content/uploads folder." };
        var command = new Command("wordpress", "Nhập bài viết và trang từ tệp xuất WordPress. / Import posts and pages from a WordPress export.") { file, uploads };
        ImportConsole.AddOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp / file not found: {path.FullName}").ConfigureAwait(false);
                return ImportConsole.CannotStart;
            }

            var folder = parse.GetValue(uploads);
            if (folder is { Exists: false })
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy thư mục / folder not found: {folder.FullName}").ConfigureAwait(false);
                return ImportConsole.CannotStart;
            }

            var source = new WordPressExportSource(path.FullName, folder?.FullName);
            var exitCode = await ImportConsole.RunAsync(parse, source, cancellationToken).ConfigureAwait(false);
            await WriteReportAsync(source.Report).ConfigureAwait(false);
            return exitCode;
        });
        return command;
    }

    /// <summary>What the export held besides its items: printed after the import's summary.</summary>
    internal static async Task WriteReportAsync(WordPressImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.EncodingNote is { } note)
        {
            await Console.Error.WriteLineAsync(note).ConfigureAwait(false);
        }

        foreach (var (reason, count) in report.Skipped)
        {
            Console.WriteLine($"Bỏ qua / skipped {reason}: {count}");
        }

        if (report.UnknownAuthors.Count > 0)
        {
            Console.WriteLine($"Tác giả không có trong tệp, dùng tên đăng nhập / authors not in the export, login used: {string.Join(", ", report.UnknownAuthors)}");
        }

        if (report.UnknownShortcodes.Count > 0)
        {
            Console.WriteLine($"Mã ngắn bỏ thẻ, giữ chữ / shortcodes dropped, text kept: {string.Join(", ", report.UnknownShortcodes.Select(s => $"[{s}]"))}");
        }
    }
}
