using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sen.Web.Infrastructure.Cli;

namespace Sen.Web.Features.Search;

/// <summary>`sen search rebuild`.</summary>
public static class SearchCommands
{
    public static Command Create()
    {
        var rebuild = new Command("rebuild", "Xây dựng lại chỉ mục tìm kiếm từ các bài viết. / Rebuild the search index from the articles.");
        rebuild.SetAction((parse, cancellationToken) => SenCommandLine.WithServicesAsync(async (services, ct) =>
        {
            var watch = Stopwatch.StartNew();
            var progress = new Progress<int>(n => Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{n} …")));
            var count = await services.GetRequiredService<RebuildSearchIndex>().HandleAsync(progress, ct).ConfigureAwait(false);
            Console.Error.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã lập chỉ mục / indexed: {count} ({watch.Elapsed.TotalSeconds:0.0} s)"));
            return 0;
        }, cancellationToken));

        return new Command("search", "Tìm kiếm toàn văn. / Full-text search.") { rebuild };
    }
}
