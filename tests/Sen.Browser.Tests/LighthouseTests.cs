using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sen.Browser.Tests;

/// <summary>
/// Lighthouse (npm, pinned in package.json) scores every public page type 100 in accessibility and SEO: one
/// Lighthouse process per page type, desktop preset, against the suite's Sen on Debian's Chromium, the JSON report
/// read here. SEO is judged by the audits that apply: a page that asks not to be indexed (search results, the vote
/// form, error pages: &lt;meta name="robots" content="noindex"&gt;) fails "is-crawlable" for exactly that reason,
/// and an error page (404, 400; audited with --ignore-status-code, as Lighthouse otherwise refuses it) fails
/// "http-status-code" because it must; every other SEO audit passes, and every page scores 100 in accessibility.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class LighthouseTests(SenSite site)
{
    private const string Crawlable = "is-crawlable";

    private const string StatusCode = "http-status-code";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PublicPage.Names), MemberType = typeof(PublicPage))]
    public async Task Public_page_type_scores_100_in_lighthouse_accessibility_and_seo(string pageName)
    {
        var (node, cli, missing) = Find(SenSite.RepositoryRoot);
        Requirement.Require(missing);
        Requirement.Require(TestChromium.Missing);
        var publicPage = PublicPage.Named(pageName);
        using var response = await site.Http.GetAsync(new Uri(publicPage.Path, UriKind.Relative), Ct);
        Assert.Equal(publicPage.Status, response.StatusCode);
        var noIndex = NoIndex().IsMatch(await response.Content.ReadAsStringAsync(Ct));

        var errorPage = (int)publicPage.Status >= 400;
        var report = await RunAsync(node!, cli!, new Uri(site.BaseAddress, publicPage.Path), errorPage);
        var root = report.RootElement;
        if (root.TryGetProperty("runtimeError", out var runtimeError) && runtimeError.ValueKind == JsonValueKind.Object)
        {
            Assert.Fail($"Lighthouse could not audit {publicPage.Path}: {runtimeError}");
        }

        var accessibility = Failing(root, "accessibility");
        var seo = Failing(root, "seo");
        string[] expectedSeo = [.. new[] { errorPage ? StatusCode : null, noIndex ? Crawlable : null }.OfType<string>().Order(StringComparer.Ordinal)];
        var log = TestContext.Current.TestOutputHelper;
        log?.WriteLine($"{publicPage.Path}: accessibility {Score(root, "accessibility")}, SEO {Score(root, "seo")}{(expectedSeo.Length > 0 ? $" (failing by design: {string.Join(", ", expectedSeo)})" : "")}");
        foreach (var failure in accessibility.Concat(seo))
        {
            log?.WriteLine(failure.Text);
        }

        Assert.True(accessibility.Count == 0 && Score(root, "accessibility") == 100,
            $"{publicPage.Path}: accessibility {Score(root, "accessibility")}:\n" + string.Join("\n", accessibility.Select(f => f.Text)));
        Assert.True(seo.Select(f => f.Id).Order(StringComparer.Ordinal).SequenceEqual(expectedSeo),
            $"{publicPage.Path}: SEO {Score(root, "seo")} (expected failing: {string.Join(", ", expectedSeo)}):\n" + string.Join("\n", seo.Select(f => f.Text)));
        if (expectedSeo.Length == 0)
        {
            Assert.Equal(100, Score(root, "seo"));
        }
    }

    private static int Score(JsonElement root, string category) =>
        root.GetProperty("categories").GetProperty(category).GetProperty("score") is { ValueKind: JsonValueKind.Number } score
            ? (int)Math.Round(score.GetDouble() * 100)
            : -1;

    /// <summary>The category's scored audits that did not pass, with the elements Lighthouse names.</summary>
    private static List<(string Id, string Text)> Failing(JsonElement root, string category)
    {
        var audits = root.GetProperty("audits");
        var failing = new List<(string, string)>();
        foreach (var reference in root.GetProperty("categories").GetProperty(category).GetProperty("auditRefs").EnumerateArray())
        {
            var id = reference.GetProperty("id").GetString()!;
            var audit = audits.GetProperty(id);
            var mode = audit.GetProperty("scoreDisplayMode").GetString();
            if (mode is "notApplicable" or "manual" or "informative")
            {
                continue;
            }

            if (audit.GetProperty("score") is { ValueKind: JsonValueKind.Number } score && score.GetDouble() >= 1)
            {
                continue;
            }

            var text = new StringBuilder($"  [{category}] {id}: {audit.GetProperty("title").GetString()}");
            if (audit.TryGetProperty("explanation", out var explanation))
            {
                text.Append(" — ").Append(explanation.GetString());
            }

            if (audit.TryGetProperty("details", out var details) && details.TryGetProperty("items", out var items))
            {
                foreach (var item in items.EnumerateArray().Take(10))
                {
                    text.Append("\n    ").Append(item.TryGetProperty("node", out var node) && node.TryGetProperty("snippet", out var snippet)
                        ? snippet.GetString() + (node.TryGetProperty("explanation", out var why) ? " — " + why.GetString() : "")
                        : item.ToString());
                }
            }

            failing.Add((id, text.ToString()));
        }

        return failing;
    }

    private static async Task<JsonDocument> RunAsync(string node, string cli, Uri url, bool errorPage)
    {
        var folder = Directory.CreateTempSubdirectory("sen-lighthouse-");
        try
        {
            var output = Path.Combine(folder.FullName, "report.json");
            var start = new ProcessStartInfo(node)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                cli, url.ToString(),
                "--only-categories=accessibility,seo", "--preset=desktop",
                "--output=json", "--output-path=" + output, "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir=" + Path.Combine(folder.FullName, "profile"),
            })
            {
                start.ArgumentList.Add(argument);
            }

            if (errorPage)
            {
                start.ArgumentList.Add("--ignore-status-code");
            }

            start.Environment["CHROME_PATH"] = TestChromium.Path;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = process.StandardError.ReadToEndAsync(Ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            Assert.True(process.ExitCode == 0 && File.Exists(output), $"Lighthouse exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
            return JsonDocument.Parse(await File.ReadAllTextAsync(output, Ct));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>node and Lighthouse's command line (node_modules/lighthouse from npm ci), or why they are missing.</summary>
    private static (string? Node, string? Cli, string? Missing) Find(string repositoryRoot)
    {
        var cli = Path.Combine(repositoryRoot, "node_modules", "lighthouse", "cli", "index.js");
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node")).FirstOrDefault(File.Exists);
        if (node is null)
        {
            return (null, null, "Node.js not found. Install it (apt-get install nodejs npm) to run Lighthouse.");
        }

        return File.Exists(cli)
            ? (node, cli, null)
            : (null, null, $"Lighthouse not found at {cli}. Run `npm ci --ignore-scripts` in the repository root (./test.sh does when npm is installed).");
    }

    [GeneratedRegex("""<meta name="robots" content="[^"]*noindex""")]
    private static partial Regex NoIndex();
}
