using System.Text.Json;

namespace Sen.Browser.Tests;

/// <summary>
/// A passkey end to end, with Chromium's virtual authenticator (DevTools' WebAuthn domain) standing in for a
/// phone or security key: registered on "Tài khoản của tôi", then used to sign in without a password.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PasskeyTests(SenSite site, NewsroomAccount account) : IClassFixture<NewsroomAccount>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
        Assert.Equal(1, await page.Locator("td", new() { HasTextString = "Máy kiểm thử" }).CountAsync());

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
