using System.CommandLine;
using System.Globalization;
using Sen.Web.Infrastructure.Cli;

namespace Sen.Web.Features.Import.Pipeline;

/// <summary>
/// What every `sen import …` command shares: the options (--map, --status, --category, --dry-run), the run with a
/// progress bar (plain lines when the output is not a terminal) and the summary. An importer only adds its source:
/// <code>ImportConsole.AddOptions(command); … ImportConsole.RunAsync(parse, source, cancellationToken)</code>
/// </summary>
public static class ImportConsole
{
    /// <summary>Exit codes: 0 all imported (notes aside), 1 some items failed, 2 the run could not start, 130 interrupted.</summary>
    public const int SomeFailed = 1;
    public const int CannotStart = 2;
    public const int Interrupted = 130;

    private static readonly Option<string[]> Map = new("--map")
    {
        Description = "Chuyển chuyên mục cũ sang chuyên mục có sẵn: \"Tin cũ=tin-tuc-su-kien\" (tên hoặc slug; lặp lại được). / Map an old category to an existing one (name or slug; repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string> Status = StatusOption();

    private static readonly Option<string?> Category = new("--category")
    {
        Description = "Chuyên mục (slug hoặc tên) cho bài không có chuyên mục; mặc định \"Bài viết cũ\". / Category for items without one (slug or name); default \"Bài viết cũ\".",
    };

    private static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Chạy thử: báo cáo việc sẽ làm, không ghi gì. / Report what would happen, write nothing.",
    };

    private static Option<string> StatusOption()
    {
        var status = new Option<string>("--status")
        {
            Description = "published (mặc định; bài không có ngày thành bản nháp) hoặc draft. / published (default; items without a date become drafts) or draft.",
            DefaultValueFactory = _ => "published",
        };
        status.AcceptOnlyFromAmong("published", "draft");
        return status;
    }

    public static void AddOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Map);
        command.Options.Add(Status);
        command.Options.Add(Category);
        command.Options.Add(DryRun);
    }

    /// <summary>The options given on the command line, or null (told on standard error) when a --map is malformed.</summary>
    public static ImportOptions? Options(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var maps = new List<CategoryMapping>();
        foreach (var text in parse.GetValue(Map) ?? [])
        {
            if (CategoryMapping.Parse(text) is not { } map)
            {
                Console.Error.WriteLine($"--map phải có dạng \"cũ=mới\" / must read \"old=new\": {text}");
                return null;
            }

            maps.Add(map);
        }

        return new ImportOptions(
            parse.GetValue(Status) == "draft" ? ImportStatus.Draft : ImportStatus.Published,
            maps,
            parse.GetValue(Category),
            parse.GetValue(DryRun));
    }

    /// <summary>Opens the app (migrating the database), runs <paramref name="source"/> through <see cref="ImportRunner"/> and prints the summary.</summary>
    public static async Task<int> RunAsync(ParseResult parse, IImportSource source, CancellationToken cancellationToken)
    {
        if (Options(parse) is not { } options)
        {
            return CannotStart;
        }

        return await SenCommandLine.WithServicesAsync((services, ct) => RunAsync(services, source, options, ct), cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> RunAsync(IServiceProvider services, IImportSource source, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(source);
        var runner = services.GetRequiredService<ImportRunner>();
        ImportSummary summary;
        try
        {
            var total = (source as ICountedImportSource)?.Count ?? 0;
            summary = await ConsoleProgress.RunAsync(progress => runner.RunAsync(
                source, options, s => progress.Report(new WorkProgress(source.Name, s.Read, total)), cancellationToken)).ConfigureAwait(false);
        }
        catch (ImportSetupException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return CannotStart;
        }

        Print(summary);
        return summary.Cancelled ? Interrupted : summary.Failed > 0 ? SomeFailed : 0;
    }

    private static void Print(ImportSummary summary)
    {
        var output = Console.Out;
        output.WriteLine(summary.DryRun ? "Chạy thử, không ghi gì / dry run, nothing written" : "");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mới / imported: {summary.Imported}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cập nhật / updated: {summary.Updated}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Không đổi, bỏ qua / unchanged, skipped: {summary.Unchanged}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lỗi / failed: {summary.Failed}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Liên kết đã đổi / links rewritten: {summary.LinksRewritten}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Thời gian / elapsed: {summary.Elapsed.TotalSeconds:0.0} s"));
        foreach (var failure in summary.Failures)
        {
            output.WriteLine($"  LỖI / FAILED  {failure.Source}: {failure.Reason}");
        }

        foreach (var note in summary.Notes)
        {
            output.WriteLine($"  LƯU Ý / NOTE  {note.Source}: {note.Reason}");
        }

        if (summary.Cancelled)
        {
            output.WriteLine("Đã dừng giữa chừng; chạy lại để tiếp tục / interrupted; run again to continue");
        }
    }
}
