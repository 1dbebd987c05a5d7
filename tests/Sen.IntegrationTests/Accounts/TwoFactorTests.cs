using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Accounts;

/// <summary>Two-factor sign-in with an authenticator app: setting it up, the second step, lockout, recovery codes.</summary>
public abstract class TwoFactorTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string SetupPage = "/admin/tai-khoan/xac-thuc-hai-buoc";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_turns_the_authenticator_on_with_a_first_code_and_then_signs_in_with_password_and_code()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);

        var page = await client.GetDocumentAsync(SetupPage);
        var qr = page.QuerySelector("svg.qr-code[role=img]");
        Assert.NotNull(qr);
        Assert.False(string.IsNullOrWhiteSpace(qr.GetAttribute("aria-label")));
        var grouped = page.QuerySelector(".authenticator-key")!.TextContent;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", grouped);
        var key = grouped.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        using (var wrong = await client.PostFormAsync(SetupPage, new() { ["Code"] = Totp.WrongCode(key, factory.Clock.GetUtcNow()) }, SetupPage + "?handler=Enable"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Mã không đúng", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var enabled = await client.PostFormAsync(SetupPage, new() { ["Code"] = Totp.Code(key, factory.Clock.GetUtcNow()) }, SetupPage + "?handler=Enable");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = Html.Parse(await enabled.Content.ReadAsStringAsync(Ct)).QuerySelectorAll(".recovery-code-list code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Empty((await client.GetDocumentAsync(SetupPage)).QuerySelectorAll(".recovery-code-list"));

        var fresh = factory.NewsroomClient();
        using (var password = await fresh.SignInAsync(writer.Email, TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
            Assert.Equal("/admin/dang-nhap/hai-buoc?ReturnUrl=%2Fadmin", password.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
        // The code that turned the authenticator on is spent: the app shows the next one 30 s later.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using (var second = await fresh.SecondStepAsync(Totp.Code(key, factory.Clock.GetUtcNow())))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal("/admin", second.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
        var entries = await AuditAsync(writer);
        Assert.Contains(entries, e => e.Action == AuditActions.TwoFactorEnabled && e.UserId == writer.Id);
        Assert.Contains(entries, e => e.Action == AuditActions.SignIn && e.Summary.EndsWith("(password, authenticator code)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Looking_at_the_setup_page_makes_a_key_without_signing_the_user_out_anywhere()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var elsewhere = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        var stamp = await StampAsync(writer.Id);

        await client.GetDocumentAsync(SetupPage);
        Assert.NotNull(await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().UserTokens.AsNoTracking()
            .Where(t => t.UserId == writer.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleOrDefaultAsync(Ct)));
        Assert.Equal(stamp, await StampAsync(writer.Id));

        // Past the stamp's check interval, the other browser is still signed in.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
    }

    private Task<string?> StampAsync(int userId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync(Ct));

    [Fact]
    public async Task An_authenticator_code_signs_in_once_even_when_three_browsers_send_it_at_the_same_time()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var (key, _) = await factory.TurnOnAuthenticatorAsync(writer);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, factory.Clock.GetUtcNow());
        var clients = new[] { factory.NewsroomClient(), factory.NewsroomClient(), factory.NewsroomClient() };
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        }

        var answers = await Task.WhenAll(clients.Select(client => client.SecondStepAsync(code)));
        var signedIn = answers.Select((answer, i) => (answer, i)).Where(a => a.answer.StatusCode == HttpStatusCode.Redirect).ToList();
        Assert.Equal("/admin", Assert.Single(signedIn).answer.Headers.Location!.OriginalString);
        var refused = clients.Where((_, i) => i != signedIn[0].i).ToList();
        foreach (var answer in answers.Where(a => a.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal("Mã không đúng.", await MessageAsync(answer));
        }

        // The same code later in its 30 seconds is refused too; the app's next code works.
        Assert.Equal("Mã không đúng.", await MessageAsync(await refused[0].SecondStepAsync(code)));
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await refused[1].SecondStepAsync(Totp.Code(key, factory.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await refused[1].GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_at_the_second_step_lock_the_account_for_15_minutes_even_for_the_right_code()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var (key, _) = await factory.TurnOnAuthenticatorAsync(writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal("Mã không đúng.", await MessageAsync(await client.SecondStepAsync(Totp.WrongCode(key, factory.Clock.GetUtcNow()))));
        }

        Assert.Contains("15 phút", await MessageAsync(await client.SecondStepAsync(Totp.WrongCode(key, factory.Clock.GetUtcNow()))), StringComparison.Ordinal);
        Assert.Contains("15 phút", await MessageAsync(await client.SecondStepAsync(Totp.Code(key, factory.Clock.GetUtcNow()))), StringComparison.Ordinal);
        Assert.Contains("15 phút", await MessageAsync(await client.RecoveryStepAsync("ABCDE-FGHIJ")), StringComparison.Ordinal);
        Assert.Contains("15 phút", await MessageAsync(await factory.NewsroomClient().SignInAsync(writer.Email, TestAccounts.Password)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        factory.Clock.Advance(SenIdentityOptions.LockoutTime + TimeSpan.FromSeconds(1));
        var later = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await later.SecondStepAsync(Totp.Code(key, factory.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        var entries = await AuditAsync(writer);
        Assert.Equal(4, entries.Count(e => e.Action == AuditActions.SignInFailed && e.Summary.EndsWith("wrong authenticator code", StringComparison.Ordinal)));
        Assert.Equal(3, entries.Count(e => e.Action == AuditActions.SignInFailed && e.Summary.EndsWith(": locked out", StringComparison.Ordinal)
            && !e.Summary.Contains(writer.Email + ": locked out", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only_and_wrong_ones_count_toward_lockout()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var (_, codes) = await factory.TurnOnAuthenticatorAsync(writer);
        var first = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await first.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        var form = await first.GetDocumentAsync("/admin/dang-nhap/hai-buoc");
        Assert.Equal("Dùng mã khôi phục", form.QuerySelector("a[href^='/admin/dang-nhap/hai-buoc?khoi-phuc=true']")!.TextContent);
        using (var used = await first.RecoveryStepAsync(codes[0]))
        {
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        var second = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await second.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal("Mã không đúng.", await MessageAsync(await second.RecoveryStepAsync(codes[0])));
        using (var other = await second.RecoveryStepAsync(" " + codes[1] + " "))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }

        var left = await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<SenUserManager>();
            var user = (await users.FindByEmailAsync(writer.Email))!;
            return (await users.CountRecoveryCodesAsync(user), user.AccessFailedCount);
        });
        Assert.Equal((8, 0), left);
        var entries = await AuditAsync(writer);
        Assert.Equal(2, entries.Count(e => e.Action == AuditActions.SignIn && e.Summary.EndsWith("(password, recovery code)", StringComparison.Ordinal)));
        Assert.Single(entries, e => e.Action == AuditActions.SignInFailed && e.Summary.EndsWith("wrong recovery code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_turning_off_needs_the_password()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var (_, oldCodes) = await factory.TurnOnAuthenticatorAsync(writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.RecoveryStepAsync(oldCodes[0])).StatusCode);

        using var renewed = await client.PostFormAsync(SetupPage, [], SetupPage + "?handler=RecoveryCodes");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var newCodes = Html.Parse(await renewed.Content.ReadAsStringAsync(Ct)).QuerySelectorAll(".recovery-code-list code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        using (var wrong = await client.PostFormAsync(SetupPage, new() { ["Password"] = "SaiMatKhau2026" }, SetupPage + "?handler=Disable"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var off = await client.PostFormAsync(SetupPage, new() { ["Password"] = TestAccounts.Password }, SetupPage + "?handler=Disable"))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        // The session goes on (a fresh cookie), and the next sign-in needs the password only.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
        using (var plain = await factory.NewsroomClient().SignInAsync(writer.Email, TestAccounts.Password))
        {
            Assert.Equal("/admin", plain.Headers.Location!.OriginalString);
        }

        var actions = (await AuditAsync(writer)).Select(e => e.Action).ToList();
        Assert.Contains(AuditActions.RecoveryCodesRegenerated, actions);
        Assert.Single(actions, a => a == AuditActions.TwoFactorDisabled);
    }

    [Fact]
    public async Task The_second_step_without_a_correct_password_first_goes_back_to_signing_in()
    {
        factory.RequireProvider();
        using var response = await factory.NewsroomClient().GetAsync(new Uri("/admin/dang-nhap/hai-buoc", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/dang-nhap?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> AuditAsync(TestAccount account)
    {
        var id = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == id && a.EntityType == "User").OrderBy(a => a.Id).ToListAsync(Ct));
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Html.Parse(await response.Content.ReadAsStringAsync(Ct)).QuerySelector(".admin-error")?.TextContent.Trim() ?? "";
        }
    }
}

public sealed class SqliteTwoFactorTests(SqliteAppFactory factory) : TwoFactorTests<SqliteAppFactory>(factory);

public sealed class PostgresTwoFactorTests(PostgresAppFactory factory) : TwoFactorTests<PostgresAppFactory>(factory);
