using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Accounts;

/// <summary>"Tài khoản của tôi": name, password, passkey endpoints, and Security:RequireAdmin2FA.</summary>
public abstract class MyAccountTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string AccountPage = "/admin/tai-khoan";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin/tai-khoan")]
    [InlineData("/admin/tai-khoan/xac-thuc-hai-buoc")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        factory.RequireProvider();
        using var response = await factory.NewsroomClient().GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.PathAndQuery());
    }

    [Theory]
    [InlineData("/admin/tai-khoan?handler=Password")]
    [InlineData("/admin/tai-khoan?handler=Name")]
    [InlineData("/admin/tai-khoan?handler=PasskeyOptions")]
    [InlineData("/admin/tai-khoan?handler=AddPasskey")]
    [InlineData("/admin/tai-khoan?handler=RemovePasskey")]
    [InlineData("/admin/tai-khoan/xac-thuc-hai-buoc?handler=Enable")]
    [InlineData("/admin/tai-khoan/xac-thuc-hai-buoc?handler=Disable")]
    [InlineData("/admin/tai-khoan/xac-thuc-hai-buoc?handler=RecoveryCodes")]
    [InlineData("/admin/dang-nhap?handler=PasskeyOptions")]
    [InlineData("/admin/dang-nhap?handler=Passkey")]
    [InlineData("/admin/dang-nhap/hai-buoc")]
    public async Task Forms_without_the_antiforgery_token_are_refused(string url)
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["DisplayName"] = "Kẻ giả mạo", ["Code"] = "123456", ["Password"] = "x" });
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(writer.DisplayName, await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Users.Where(u => u.Id == writer.Id).Select(u => u.DisplayName).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_user_changes_their_name_and_password_and_each_change_is_audited()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        var page = await client.GetDocumentAsync(AccountPage);
        Assert.Equal("page", page.QuerySelector(".admin-user a[href='/admin/tai-khoan']")!.GetAttribute("aria-current"));

        using (var renamed = await client.PostFormAsync(AccountPage, new() { ["DisplayName"] = "  Tên mới  " }, AccountPage + "?handler=Name"))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            Assert.Contains("Tên mới", Html.Parse(await renamed.Content.ReadAsStringAsync(Ct)).QuerySelector(".admin-user a")!.TextContent, StringComparison.Ordinal);
        }

        const string newPassword = "MatKhauMoi2027";
        using (var wrong = await client.PostFormAsync(AccountPage, new() { ["CurrentPassword"] = "SaiMatKhau2026", ["Password"] = newPassword, ["ConfirmPassword"] = newPassword }, AccountPage + "?handler=Password"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Mật khẩu không đúng.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var weak = await client.PostFormAsync(AccountPage, new() { ["CurrentPassword"] = TestAccounts.Password, ["Password"] = "ngan", ["ConfirmPassword"] = "ngan" }, AccountPage + "?handler=Password"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        }

        using (var changed = await client.PostFormAsync(AccountPage, new() { ["CurrentPassword"] = TestAccounts.Password, ["Password"] = newPassword, ["ConfirmPassword"] = newPassword }, AccountPage + "?handler=Password"))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        // This session goes on past the security stamp check; the old password no longer signs in.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.NewsroomClient().SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewsroomClient().SignInAsync(writer.Email, newPassword)).StatusCode);

        var id = writer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == id && (a.Action == AuditActions.PasswordChanged || a.Action == AuditActions.ProfileChanged)).ToListAsync(Ct));
        Assert.Single(entries, e => e.Action == AuditActions.PasswordChanged && e.UserId == writer.Id);
        var profile = Assert.Single(entries, e => e.Action == AuditActions.ProfileChanged);
        Assert.Equal("Tên mới", JsonSerializer.Deserialize<Dictionary<string, string?[]>>(profile.Changes!)!["DisplayName"][1]);
    }

    [Fact]
    public async Task Passkey_endpoints_give_options_and_refuse_what_no_browser_made()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);

        var token = TestAccounts.AntiforgeryToken(await client.GetDocumentAsync(AccountPage));
        using (var request = new HttpRequestMessage(HttpMethod.Post, AccountPage + "?handler=PasskeyOptions"))
        {
            request.Headers.Add("RequestVerificationToken", token);
            using var options = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, options.StatusCode);
            using var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync(Ct));
            Assert.Equal("localhost", json.RootElement.GetProperty("rp").GetProperty("id").GetString());
            Assert.Equal(writer.Email, json.RootElement.GetProperty("user").GetProperty("name").GetString());
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("challenge").GetString()));
        }

        using (var forged = await client.PostFormAsync(AccountPage, new() { ["CredentialJson"] = "{\"id\":\"abc\",\"type\":\"public-key\"}", ["PasskeyName"] = "Giả" }, AccountPage + "?handler=AddPasskey"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("Không tạo được khóa truy cập", await forged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var missing = await client.PostFormAsync(AccountPage, new() { ["Id"] = "AAAA" }, AccountPage + "?handler=RemovePasskey"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var garbage = await client.PostFormAsync(AccountPage, new() { ["Id"] = "%%%" }, AccountPage + "?handler=RemovePasskey"))
        {
            Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        }

        var stranger = factory.NewsroomClient();
        using var signIn = await stranger.PostFormAsync("/admin/dang-nhap", new() { ["CredentialJson"] = "{\"id\":\"abc\"}" }, "/admin/dang-nhap?handler=Passkey");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("Không đăng nhập được bằng khóa truy cập này.", Html.Parse(await signIn.Content.ReadAsStringAsync(Ct)).QuerySelector(".admin-error")!.TextContent);
        Assert.False(await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Set<Microsoft.AspNetCore.Identity.IdentityUserPasskey<int>>().AnyAsync(p => p.UserId == writer.Id, Ct)));
    }

    [Fact]
    public async Task With_RequireAdmin2FA_an_administrator_without_two_factor_may_only_set_it_up()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Security:RequireAdmin2FA", "true"));
        var admin = await factory.CreateAsync(SenRoles.Admin);
        var client = app.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(admin.Email, TestAccounts.Password)).StatusCode);
        foreach (var url in (string[])["/admin", "/admin/nguoi-dung"])
        {
            using var refused = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/admin/tai-khoan?yeu-cau=hai-buoc", refused.Headers.Location!.OriginalString);
        }

        using (var api = await client.PostAsync(new Uri("/admin/api/media", UriKind.Relative), null, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }

        var explained = await client.GetDocumentAsync("/admin/tai-khoan?yeu-cau=hai-buoc");
        Assert.Contains("Quản trị viên phải đăng nhập hai bước", explained.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        // Turning the authenticator on opens the newsroom to this session, and it stays open past the stamp check.
        var key = (await client.GetDocumentAsync("/admin/tai-khoan/xac-thuc-hai-buoc")).QuerySelector(".authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        using (var on = await client.PostFormAsync("/admin/tai-khoan/xac-thuc-hai-buoc", new() { ["Code"] = Totp.Code(key, factory.Clock.GetUtcNow()) }, "/admin/tai-khoan/xac-thuc-hai-buoc?handler=Enable"))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/nguoi-dung", UriKind.Relative), Ct)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        // Signing in again takes the code; with it, the newsroom is open.
        var again = app.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(admin.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SecondStepAsync(Totp.Code(key, factory.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/admin/nguoi-dung", UriKind.Relative), Ct)).StatusCode);

        // Turning it off closes the newsroom again.
        using (var off = await again.PostFormAsync("/admin/tai-khoan/xac-thuc-hai-buoc", new() { ["Password"] = TestAccounts.Password }, "/admin/tai-khoan/xac-thuc-hai-buoc?handler=Disable"))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        // Writers are not concerned, and an administrator without two-factor can still sign out.
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var writerClient = app.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await writerClient.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writerClient.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
        using var signedOut = await again.PostFormAsync(AccountPage, [], "/admin/dang-xuat");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/admin/dang-nhap", signedOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Without_RequireAdmin2FA_an_administrator_without_two_factor_uses_the_newsroom()
    {
        factory.RequireProvider();
        var admin = await factory.CreateAsync(SenRoles.Admin);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(admin.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/nguoi-dung", UriKind.Relative), Ct)).StatusCode);
        Assert.Null((await client.GetDocumentAsync(AccountPage)).QuerySelector("[role=alert]"));
    }
}

public sealed class SqliteMyAccountTests(SqliteAppFactory factory) : MyAccountTests<SqliteAppFactory>(factory);

public sealed class PostgresMyAccountTests(PostgresAppFactory factory) : MyAccountTests<PostgresAppFactory>(factory);
