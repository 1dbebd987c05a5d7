using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Sen.Browser.Tests;

/// <summary>The newsroom's page types (signing in, the dashboard, my account, two-factor setup): axe-core and the Nu Html Checker find nothing.</summary>
[Collection(BrowserSuite.Name)]
public sealed class NewsroomPageTests(SenSite site, NewsroomAccount account) : IClassFixture<NewsroomAccount>
{
    private const string SignIn = "sign-in";
    private const string Dashboard = "dashboard";
    private const string MyAccount = "my-account";
    private const string TwoFactor = "two-factor";

    private static readonly Dictionary<string, string> SignedInPages = new()
    {
        [Dashboard] = "/admin",
        [MyAccount] = "/admin/tai-khoan",
        [TwoFactor] = "/admin/tai-khoan/xac-thuc-hai-buoc",
    };

    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static TheoryData<string, string> PagesAtEachViewport =>
        [.. new[] { SignIn, Dashboard, MyAccount, TwoFactor }.SelectMany(p => new[] { Viewports.Desktop, Viewports.Phone }.Select(v => (p, v)))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PagesAtEachViewport))]
    public async Task Newsroom_page_type_has_no_wcag21_aa_violations(string pageName, string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        if (SignedInPages.TryGetValue(pageName, out var path))
        {
            await account.SignInAsync(page, Ct);
            Assert.Equal(200, (await page.GotoAsync(path))!.Status);
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
            var pages = SignedInPages.Select(p => (p.Key, signedIn, p.Value)).Append((SignIn, site.Http, "/admin/dang-nhap")).Append(("admin.css", site.Http, "/css/admin.css"));
            foreach (var (name, client, path) in pages)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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
