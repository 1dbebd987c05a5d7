using System.Diagnostics;
using System.Text.Json;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>
/// One run of the Nu Html Checker over every public page type and the stylesheet, shared by the tests that
/// read it (one per document): Java starts once, yet each page passes or fails as its own test case.
/// </summary>
public sealed class NuHtmlReport(SenSite site) : IDisposable
{
    public const string StylesheetFile = "site.css";

    private readonly SemaphoreSlim gate = new(1, 1);
    private Result? result;

    public static string FileOf(PublicPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Name + ".html";
    }

    public async Task<Result> GetAsync(string java, string jar, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return result ??= await RunAsync(java, jar, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<Result> RunAsync(string java, string jar, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("sen-vnu-");
        try
        {
            var files = new List<string>();
            var statuses = new Dictionary<string, HttpStatusCode>();
            string? stylesheet = null;
            foreach (var page in PublicPage.All)
            {
                using var response = await site.Http.GetAsync(new Uri(page.Path, UriKind.Relative), cancellationToken);
                statuses[page.Name] = response.StatusCode;
                var html = await response.Content.ReadAsStringAsync(cancellationToken);
                var file = Path.Combine(folder.FullName, FileOf(page));
                await File.WriteAllTextAsync(file, html, cancellationToken);
                files.Add(file);
                stylesheet ??= AngleSharpHtml.Stylesheets(html).FirstOrDefault();
            }

            if (stylesheet is not null)
            {
                var css = Path.Combine(folder.FullName, StylesheetFile);
                await File.WriteAllTextAsync(css, await site.Http.GetStringAsync(new Uri(stylesheet, UriKind.Relative), cancellationToken), cancellationToken);
                files.Add(css);
            }

            return new Result(statuses, stylesheet is not null, await CheckAsync(java, jar, files, cancellationToken));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static async Task<List<Message>> CheckAsync(string java, string jar, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(java)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", jar, "--format", "json", "--stdout", "--also-check-css" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout;
        if (string.IsNullOrWhiteSpace(output))
        {
            Assert.Fail($"vnu.jar printed no report (exit {process.ExitCode}): {await stderr}");
        }

        using var report = JsonDocument.Parse(output);
        return report.RootElement.GetProperty("messages").EnumerateArray().Select(m => new Message(
            m.GetProperty("type").GetString() ?? "",
            m.TryGetProperty("subType", out var sub) ? sub.GetString() : null,
            Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString() ?? "" : ""),
            m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
            m.TryGetProperty("message", out var text) ? text.GetString() ?? "" : "",
            m.TryGetProperty("extract", out var extract) ? extract.GetString() ?? "" : "")).ToList();
    }

    /// <summary>What each page answered and every message of the checker.</summary>
    public sealed record Result(IReadOnlyDictionary<string, HttpStatusCode> Statuses, bool HasStylesheet, IReadOnlyList<Message> Messages);

    public sealed record Message(string Type, string? SubType, string File, int Line, string Text, string Extract)
    {
        public override string ToString() => $"{File}:{Line}: {Text} «{Extract.Trim()}»";
    }
}
