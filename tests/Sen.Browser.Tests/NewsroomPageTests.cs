using System.Text.Json;
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

    // A passkey end to end, with Chromium's virtual authenticator (DevTools' WebAuthn domain) standing in for a phone or
    // security key; here because the administrator comes from the one-time setup link, one fixture per site.
    [Fact]
    public async Task An_editor_adds_a_passkey_signs_out_and_signs_in_with_it()
    {
        await using var context = await site.NewContextAsync(Viewports.Desktop, byHostName: true);
        var page = await context.NewPageAsync();
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        var authenticator = await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
            },
        });
        var authenticatorId = authenticator!.Value.GetProperty("authenticatorId").GetString()!;

        await account.SignInAsync(page, Ct);
        await page.GotoAsync("/admin/tai-khoan");
        await page.GetByLabel("Tên khóa").FillAsync("Máy kiểm thử");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm khóa truy cập" }).ClickAsync();
        await page.Locator(".admin-notice").WaitForAsync();
        Assert.Equal("Đã thêm khóa truy cập.", (await page.Locator(".admin-notice").TextContentAsync())!.Trim());
        Assert.Equal(1, await page.Locator("tbody td:first-child", new() { HasTextString = "Máy kiểm thử" }).CountAsync());

        var credentials = await devTools.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        var credential = Assert.Single(credentials!.Value.GetProperty("credentials").EnumerateArray());
        Assert.True(credential.GetProperty("isResidentCredential").GetBoolean());

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/dang-nhap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập bằng khóa truy cập" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
        Assert.StartsWith("Xin chào", (await page.Locator("h1").TextContentAsync())!.Trim(), StringComparison.Ordinal);

        var used = await devTools.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        Assert.True(Assert.Single(used!.Value.GetProperty("credentials").EnumerateArray()).GetProperty("signCount").GetInt32() >= 1, JsonSerializer.Serialize(used));
    }
}
