using System.Diagnostics;
using System.Text.Json;

namespace Sen.Browser.Tests;

/// <summary>
/// Lighthouse 12.2.3 (from npm, node_modules/lighthouse) scores every public page type that answers 200 with
/// 100 in accessibility and SEO. Search results are noindex and kept out by robots.txt on purpose, so there
/// "is-crawlable" is the one SEO audit allowed to fail.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class LighthouseTests(SenSite site)
{
    private static readonly string[] ChromeFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static TheoryData<string> Pages => [.. PublicPage.All.Where(p => p.Status == HttpStatusCode.OK).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Public_page_type_scores_100_in_accessibility_and_seo(string pageName)
    {
        var publicPage = PublicPage.Named(pageName);
        var cli = Path.Combine(SenSite.RepositoryRoot, "node_modules", "lighthouse", "cli", "index.js");
        Requirement.Require(File.Exists(cli) ? null : $"Lighthouse not found at {cli}. Run `npm ci --ignore-scripts` in the repository root.");
        Requirement.Require(TestChromium.Missing);
        var userData = Directory.CreateTempSubdirectory("sen-lighthouse-");
        try
        {
            var url = new Uri(site.BaseAddress, publicPage.Path).ToString();
            var start = new ProcessStartInfo("node")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in (string[])[cli, url, "--only-categories=accessibility,seo", "--output=json", "--output-path=stdout", "--quiet",
                "--chrome-flags=" + string.Join(' ', ChromeFlags) + $" --user-data-dir={userData.FullName}"])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["CHROME_PATH"] = TestChromium.Path;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var json = await output;
            Assert.True(process.ExitCode == 0, $"Lighthouse exited with {process.ExitCode}: {await errors}");

            using var report = JsonDocument.Parse(json);
            var root = report.RootElement;
            var audits = root.GetProperty("audits");
            var failures = new List<string>();
            foreach (var category in new[] { "accessibility", "seo" })
            {
                foreach (var reference in root.GetProperty("categories").GetProperty(category).GetProperty("auditRefs").EnumerateArray())
                {
                    var id = reference.GetProperty("id").GetString()!;
                    var audit = audits.GetProperty(id);
                    var allowed = publicPage.Path == PublicPage.SearchPath && id == "is-crawlable";
                    if (reference.GetProperty("weight").GetDouble() > 0
                        && audit.GetProperty("score") is { ValueKind: JsonValueKind.Number } score && score.GetDouble() < 1 && !allowed)
                    {
                        failures.Add($"{category}/{id}: {audit.GetProperty("title").GetString()} {(audit.TryGetProperty("explanation", out var why) ? why.GetString() : "")}");
                    }
                }
            }

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{publicPage.Name}: accessibility {root.GetProperty("categories").GetProperty("accessibility").GetProperty("score")}, seo {root.GetProperty("categories").GetProperty("seo").GetProperty("score")}");
            Assert.True(failures.Count == 0, $"{publicPage.Path} loses Lighthouse points:\n" + string.Join("\n", failures));
        }
        finally
        {
            userData.Delete(recursive: true);
        }
    }
}
