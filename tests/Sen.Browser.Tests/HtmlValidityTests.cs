using System.Diagnostics;
using System.Text.Json;

namespace Sen.Browser.Tests;

/// <summary>The Nu Html Checker (vnu.jar from npm, run on the machine's Java) finds no error in any public page type or in the stylesheet.</summary>
[Collection(BrowserSuite.Name)]
public sealed class HtmlValidityTests(SenSite site)
{
    [Fact]
    public async Task Every_public_page_type_and_the_stylesheet_pass_the_nu_html_checker()
    {
        var (java, jar, missing) = Requirement.HtmlChecker(SenSite.RepositoryRoot);
        if (missing is not null)
        {
            Requirement.Unavailable(missing);
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("sen-vnu-");
        try
        {
            var files = new List<string>();
            string? stylesheet = null;
            foreach (var page in await site.PublicPagesAsync())
            {
                using var response = await site.Http.GetAsync(new Uri(page.Path, UriKind.Relative), cancellationToken);
                Assert.Equal(page.Status, response.StatusCode);
                var html = await response.Content.ReadAsStringAsync(cancellationToken);
                var file = Path.Combine(folder.FullName, page.Name + ".html");
                await File.WriteAllTextAsync(file, html, cancellationToken);
                files.Add(file);
                stylesheet ??= AngleSharpHtml.Stylesheets(html).FirstOrDefault();
            }

            Assert.NotNull(stylesheet);
            var css = Path.Combine(folder.FullName, "site.css");
            await File.WriteAllTextAsync(css, await site.Http.GetStringAsync(new Uri(stylesheet, UriKind.Relative), cancellationToken), cancellationToken);
            files.Add(css);

            var messages = await CheckAsync(java!, jar!, files, cancellationToken);
            var errors = messages.Where(m => m.Type is "error" or "non-document-error").ToList();
            var warnings = messages.Where(m => m.Type == "info" && m.SubType == "warning").ToList();
            TestContext.Current.TestOutputHelper?.WriteLine($"Nu Html Checker: {files.Count} documents, {errors.Count} errors, {warnings.Count} warnings");
            foreach (var warning in warnings)
            {
                TestContext.Current.TestOutputHelper?.WriteLine("warning: " + warning);
            }

            Assert.True(errors.Count == 0, "Nu Html Checker errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<VnuMessage>> CheckAsync(string java, string jar, IEnumerable<string> files, CancellationToken cancellationToken)
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
        return report.RootElement.GetProperty("messages").EnumerateArray().Select(m => new VnuMessage(
            m.GetProperty("type").GetString() ?? "",
            m.TryGetProperty("subType", out var sub) ? sub.GetString() : null,
            Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString() ?? "" : ""),
            m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
            m.TryGetProperty("message", out var text) ? text.GetString() ?? "" : "",
            m.TryGetProperty("extract", out var extract) ? extract.GetString() ?? "" : "")).ToList();
    }

    private sealed record VnuMessage(string Type, string? SubType, string File, int Line, string Message, string Extract)
    {
        public override string ToString() => $"{File}:{Line}: {Message} «{Extract.Trim()}»";
    }
}
