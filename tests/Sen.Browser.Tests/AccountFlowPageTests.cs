using System.Text.RegularExpressions;

namespace Sen.Browser.Tests;

/// <summary>
/// The newsroom pages only a fresh account reaches, walked as that person walks them: the invitation, the access
/// denied page a writer gets, two-factor set-up with its recovery codes, and the second sign-in step (code and
/// recovery code). Each passes axe-core (every rule, <see cref="AxeAllRules"/>) at both widths and the Nu Html Checker.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class AccountFlowPageTests(SenSite site, NewsroomAccount account) : IClassFixture<NewsroomAccount>
{
    private const string Password = "MatKhauHaiBuoc2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invitation_access_denied_two_factor_set_up_and_the_second_step_pass_axe_and_the_nu_checker()
    {
        var email = $"haibuoc-{Guid.NewGuid():N}"[..20] + "@example.vn";
        await using var adminContext = await site.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await account.SignInAsync(admin, Ct);
        var link = await InviteAsync(admin, email);

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);

        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        await CheckAsync(page, "invitation", pages);
        await page.Locator("#new-password").FillAsync(Password);
        await page.Locator("#confirm-password").FillAsync(Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");

        Assert.Equal(403, (await page.GotoAsync("/admin/nguoi-dung"))!.Status);
        Assert.EndsWith("/admin/khong-du-quyen", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await CheckAsync(page, "access-denied", pages, HttpStatusCode.Forbidden);

        Assert.Equal(200, (await page.GotoAsync("/admin/tai-khoan/xac-thuc-hai-buoc"))!.Status);
        var key = Regex.Replace((await page.Locator(".authenticator-key").TextContentAsync())!, @"\s", "");
        await page.Locator("#totp-code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("#totp-code").PressAsync("Enter");
        await page.Locator(".recovery-code-list li").First.WaitForAsync();
        Assert.Equal(10, await page.Locator(".recovery-code-list li").CountAsync());
        await CheckAxeAsync(page, "two-factor-codes");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/dang-nhap");
        await page.Locator("#sign-in-email").FillAsync(email);
        await page.Locator("#sign-in-password").FillAsync(Password);
        await page.Locator("#sign-in-password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/dang-nhap/hai-buoc");
        await CheckAsync(page, "second-step", pages);

        Assert.Equal(200, (await page.GotoAsync("/admin/dang-nhap/hai-buoc?khoi-phuc=true"))!.Status);
        await page.Locator("#recovery-code").WaitForAsync();
        await CheckAsync(page, "second-step-recovery", pages);

        Assert.Equal(200, (await page.GotoAsync("/admin/dang-nhap/hai-buoc"))!.Status);
        // The code that turned two-factor on is spent (each code works once); the app's next one is accepted early.
        await page.Locator("#two-factor-code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.Locator("#two-factor-code").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");

        await CheckNuAsync(pages);
    }

    private static async Task<string> InviteAsync(IPage admin, string email)
    {
        await admin.GotoAsync("/admin/nguoi-dung");
        await admin.Locator("#invite-email").FillAsync(email);
        await admin.Locator("#invite-name").FillAsync("Biên tập viên hai bước");
        await admin.Locator("#invite-role").SelectOptionAsync("Writer");
        await admin.Locator("form.admin-invite button[type=submit]").ClickAsync();
        var notice = await admin.Locator(".admin-notice").TextContentAsync();
        var link = InvitationPath().Match(notice!).Value;
        Assert.False(string.IsNullOrEmpty(link), "no invitation link in: " + notice);
        return link;
    }

    /// <summary>axe at both widths, and the page's own bytes (fetched with the same cookies) kept for the Nu checker.</summary>
    private static async Task CheckAsync(IPage page, string name, Dictionary<string, string> pages, HttpStatusCode status = HttpStatusCode.OK)
    {
        await CheckAxeAsync(page, name);
        var response = await page.Context.APIRequest.GetAsync(page.Url, new() { MaxRedirects = 0 });
        Assert.True(response.Status == (int)status, $"{name}: {page.Url} answered {response.Status}");
        pages[name] = await response.TextAsync();
    }

    private static async Task CheckAxeAsync(IPage page, string name)
    {
        var failures = new List<string>();
        foreach (var viewport in new[] { Viewports.Desktop, Viewports.Phone })
        {
            await page.SetViewportSizeAsync(Viewports.Size(viewport).Width, Viewports.Size(viewport).Height);
            failures.AddRange(await AxeAllRules.ViolationsAsync(page, $"{name} ({viewport})"));
        }

        await page.SetViewportSizeAsync(Viewports.Size(Viewports.Desktop).Width, Viewports.Size(Viewports.Desktop).Height);
        Assert.True(failures.Count == 0, "axe-core violations:\n" + string.Join("\n", failures));
    }

    private static async Task CheckNuAsync(Dictionary<string, string> pages)
    {
        var (java, jar, missing) = HtmlChecker.Find(SenSite.RepositoryRoot);
        Requirement.Require(missing);
        var folder = Directory.CreateTempSubdirectory("sen-vnu-account-");
        try
        {
            var files = new List<string>();
            foreach (var (name, html) in pages)
            {
                var file = Path.Combine(folder.FullName, name + ".html");
                await File.WriteAllTextAsync(file, html, Ct);
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

    [GeneratedRegex("/admin/loi-moi/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationPath();
}
