using System.Globalization;
using System.Text.Json;

namespace Sen.Browser.Tests;

/// <summary>
/// Every page type of the newsroom: axe-core (every rule, <see cref="AxeAllRules"/>) at a phone's and a desktop's width, and the
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
        ["category-edit"] = "/admin/chuyen-muc/{first}",
        ["links"] = "/admin/lien-ket",
        ["link-edit"] = "/admin/lien-ket/{first}",
        ["users"] = "/admin/nguoi-dung",
        ["settings"] = "/admin/cai-dat",
        ["notifications"] = "/admin/thong-bao",
        ["my-account"] = "/admin/tai-khoan",
        ["two-factor"] = "/admin/tai-khoan/xac-thuc-hai-buoc",
        ["redirects"] = "/admin/chuyen-huong",
        ["polls"] = "/admin/tham-do",
        ["poll"] = "/admin/tham-do/1",

        ["documents"] = "/admin/van-ban",
        ["new-document"] = "/admin/van-ban/moi",

        // The demo content's first document (Kết luận 62-KL/TW, with its PDF): the suite's database is new.
        ["edit-document"] = "/admin/van-ban/1",
    };

    public static TheoryData<string, string> PagesAtEachViewport =>
        [.. Pages.Keys.Prepend(SignIn).SelectMany(p => new[] { Viewports.Desktop, Viewports.Phone }.Select(v => (p, v)))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PagesAtEachViewport))]
    public async Task Newsroom_page_type_has_no_axe_violations(string pageName, string viewport)
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

        await AxeAllRules.AssertNoViolationsAsync(page, $"{pageName} ({viewport})");
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

    private async Task<string> UrlAsync(string path)
    {
        if (path.EndsWith("/{first}", StringComparison.Ordinal))
        {
            // The first item the list page links to (a demo category, a demo website link).
            var list = path[..^"/{first}".Length];
            var html = await (await account.SignedInAsync(Ct)).GetStringAsync(new Uri(list, UriKind.Relative), Ct);
            var match = System.Text.RegularExpressions.Regex.Match(html, "href=\"(" + System.Text.RegularExpressions.Regex.Escape(list) + "/[0-9]+)\"");
            Assert.True(match.Success, $"{list} links to no item");
            return match.Groups[1].Value;
        }

        if (!path.Contains("{id}", StringComparison.Ordinal))
        {
            return path;
        }

        var id = await NewsroomArticles.EnsureAsync(await account.SignedInAsync(Ct), Ct);
        return path.Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
