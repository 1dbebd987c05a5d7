using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Sen.Browser.Tests;

/// <summary>
/// Every page type of the newsroom: axe-core (WCAG 2.1 A and AA) at a phone's and a desktop's width, and the
/// Nu Html Checker, find nothing. A page that does not load fails its case.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class NewsroomPageTests(SenSite site, NewsroomAccount account) : IClassFixture<NewsroomAccount>
{
    private const string SignIn = "sign-in";
    private const string Dashboard = "dashboard";
    private const string AuditLog = "audit-log";

    /// <summary>The signed-in page types and where they are ({id}: an article with two revisions).</summary>
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        [Dashboard] = "/admin",
        [AuditLog] = "/admin/nhat-ky",
        ["articles"] = "/admin/bai-viet",
        ["new-article"] = "/admin/bai-viet/moi",
        ["edit-article"] = "/admin/bai-viet/{id}",
        ["preview"] = "/admin/bai-viet/{id}/xem-truoc",
        ["revisions"] = "/admin/bai-viet/{id}/phien-ban",
        ["revision"] = "/admin/bai-viet/{id}/phien-ban/1",
        ["compare"] = "/admin/bai-viet/{id}/phien-ban/so-sanh?tu=1&den=2",
        ["bin"] = "/admin/thung-rac",
        ["categories"] = "/admin/chuyen-muc",
        ["links"] = "/admin/lien-ket",
        ["settings"] = "/admin/cai-dat",
        ["notifications"] = "/admin/thong-bao",
    };

    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static TheoryData<string, string> PagesAtEachViewport =>
        [.. Pages.Keys.Prepend(SignIn).SelectMany(p => new[] { Viewports.Desktop, Viewports.Phone }.Select(v => (p, v)))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PagesAtEachViewport))]
    public async Task Newsroom_page_type_has_no_wcag21_aa_violations(string pageName, string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        if (pageName == SignIn)
        {
            Assert.Equal(200, (await page.GotoAsync("/admin/dang-nhap"))!.Status);
        }
        else
        {
            var url = await UrlAsync(Pages[pageName]);
            await account.SignInAsync(page, Ct);
            Assert.True((await page.GotoAsync(url))!.Status == 200, $"{url} did not load");
        }

        // The dashboard and the audit log are tested with content: the fixture seeds views, a submission and their entries.
        if (pageName == Dashboard)
        {
            Assert.Equal(30, await page.Locator("svg.views-chart rect.chart-bar").CountAsync());
            Assert.True(await page.Locator(".dashboard-waiting tbody tr").CountAsync() > 0);
            Assert.True(await page.Locator(".dashboard-top li").CountAsync() > 0);
        }
        else if (pageName == AuditLog)
        {
            Assert.True(await page.Locator(".audit-table tbody tr").CountAsync() > 0);
            await page.Locator(".audit-changes summary").First.ClickAsync();
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
            var pages = new List<(string Name, HttpClient Client, string Path)> { (SignIn, site.Http, "/admin/dang-nhap"), ("admin.css", site.Http, "/css/admin.css") };
            foreach (var (name, path) in Pages)
            {
                pages.Add((name, signedIn, await UrlAsync(path)));
            }

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

    private async Task<string> UrlAsync(string path)
    {
        if (!path.Contains("{id}", StringComparison.Ordinal))
        {
            return path;
        }

        var id = await NewsroomArticles.EnsureAsync(await account.SignedInAsync(Ct), Ct);
        return path.Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
