using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Sen.Browser.Tests;

/// <summary>The newsroom's page types (signing in, the dashboard, the audit log, the article pages): axe-core and the Nu Html Checker find nothing.</summary>
[Collection(BrowserSuite.Name)]
public sealed class NewsroomPageTests(SenSite site, NewsroomAccount account) : IClassFixture<NewsroomAccount>
{
    private const string SignIn = "sign-in";
    private const string Dashboard = "dashboard";
    private const string AuditLog = "audit-log";

    /// <summary>The signed-in pages and where they are.</summary>
    private static readonly Dictionary<string, string> Paths = new() { [Dashboard] = "/admin", [AuditLog] = "/admin/nhat-ky" };

    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The article page types and their paths ({id}: an article with two revisions).</summary>
    private static readonly Dictionary<string, string> ArticlePages = new(StringComparer.Ordinal)
    {
        ["articles"] = "/admin/bai-viet",
        ["new-article"] = "/admin/bai-viet/moi",
        ["edit-article"] = "/admin/bai-viet/{id}",
        ["preview"] = "/admin/bai-viet/{id}/xem-truoc",
        ["revisions"] = "/admin/bai-viet/{id}/phien-ban",
        ["revision"] = "/admin/bai-viet/{id}/phien-ban/1",
        ["compare"] = "/admin/bai-viet/{id}/phien-ban/so-sanh?tu=1&den=2",
        ["bin"] = "/admin/thung-rac",
    };

    public static TheoryData<string, string> PagesAtEachViewport =>
        [.. new[] { SignIn, Dashboard, AuditLog }.Concat(ArticlePages.Keys).SelectMany(p => new[] { Viewports.Desktop, Viewports.Phone }.Select(v => (p, v)))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PagesAtEachViewport))]
    public async Task Newsroom_page_type_has_no_wcag21_aa_violations(string pageName, string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        if (Paths.TryGetValue(pageName, out var path))
        {
            await account.SignInAsync(page, Ct);
            if (path != "/admin")
            {
                Assert.Equal(200, (await page.GotoAsync(path))!.Status);
            }

            // The dashboard is tested with content: the fixture seeds views and a submission.
            if (pageName == Dashboard)
            {
                Assert.Equal(30, await page.Locator("svg.views-chart rect.chart-bar").CountAsync());
                Assert.True(await page.Locator(".dashboard-waiting tbody tr").CountAsync() > 0);
                Assert.True(await page.Locator(".dashboard-top li").CountAsync() > 0);
            }
            else
            {
                Assert.True(await page.Locator(".audit-table tbody tr").CountAsync() > 0);
                await page.Locator(".audit-changes summary").First.ClickAsync();
            }
        }
        else if (ArticlePages.TryGetValue(pageName, out var articlePath))
        {
            var id = await NewsroomArticles.EnsureAsync(await account.SignedInAsync(Ct), Ct);
            await account.SignInAsync(page, Ct);
            var url = articlePath.Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.True((await page.GotoAsync(url))!.Status == 200, $"{url} did not load");
        }
        else
        {
            Assert.Equal(200, (await page.GotoAsync("/admin/dang-nhap"))!.Status);
        }

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        var failures = result.Violations
            .SelectMany(violation => violation.Nodes.Select(node => $"{pageName}: [{violation.Id}] {violation.Help} at {node.Target} {node.Html}"))
            .ToList();
        Assert.True(failures.Count == 0, "axe-core violations:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Newsroom_page_types_and_their_stylesheet_pass_the_nu_html_checker()
    {
        var (java, jar, missing) = HtmlChecker.Find(SenSite.RepositoryRoot);
        Requirement.Require(missing);
        var signedIn = await account.SignedInAsync(Ct);
        var folder = Directory.CreateTempSubdirectory("sen-vnu-admin-");
        try
        {
            var files = new List<string>();
            var id = (await NewsroomArticles.EnsureAsync(signedIn, Ct)).ToString(CultureInfo.InvariantCulture);
            var pages = new[] { (SignIn, site.Http, "/admin/dang-nhap"), (Dashboard, signedIn, "/admin"), (AuditLog, signedIn, "/admin/nhat-ky"), ("admin.css", site.Http, "/css/admin.css") }
                .Concat(ArticlePages.Select(p => (p.Key, signedIn, p.Value.Replace("{id}", id, StringComparison.Ordinal))));
            foreach (var (name, client, path) in pages)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
                var file = Path.Combine(folder.FullName, name.EndsWith(".css", StringComparison.Ordinal) ? name : name + ".html");
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync(Ct), Ct);
                files.Add(file);
            }

            var errors = (await NuHtmlReport.CheckAsync(java!, jar!, files, Ct)).Where(m => m.Type is "error" or "non-document-error").ToList();
            Assert.True(errors.Count == 0, "Nu Html Checker errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
