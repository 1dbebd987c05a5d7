using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Accounts;

/// <summary>Invitations, signing in, lockout, disabling and signing out everywhere.</summary>
public abstract class SignInTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invitation_from_the_command_line_sets_the_password_once()
    {
        factory.RequireProvider();
        var email = $"moi-{Guid.NewGuid():N}@example.vn";
        var link = await factory.InviteAsync(email, SenRoles.Approver, "Người duyệt mới");
        var path = new Uri(link, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(link).AbsolutePath : link;
        Assert.StartsWith("/admin/loi-moi/", path, StringComparison.Ordinal);
        var client = factory.NewsroomClient();

        // Invited, no password yet: signing in is refused.
        using (var early = await client.SignInAsync(email, TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        var form = await client.GetDocumentAsync(path);
        Assert.Equal(email, form.QuerySelector("#invited-email")!.GetAttribute("value"));
        using (var differ = await client.PostFormAsync(path, new() { ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password + "x" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, differ.StatusCode);
        }

        using (var set = await client.PostFormAsync(path, new() { ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.Contains("Người duyệt mới", (await client.GetDocumentAsync("/admin")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewsroomClient().GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode);

        var fresh = factory.NewsroomClient();
        using (var signedIn = await fresh.SignInAsync(email, TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var actions = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.UserName == email || a.Summary.StartsWith(email)).Select(a => new { a.Action, a.UserName }).ToListAsync(Ct));
        Assert.Contains(actions, a => a.Action == AuditActions.UserInvited && a.UserName == "sen user add");
        Assert.Contains(actions, a => a.Action == AuditActions.InvitationUsed && a.UserName == email);
        Assert.Contains(actions, a => a.Action == AuditActions.SignIn && a.UserName == email);
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        factory.RequireProvider();
        var link = await factory.InviteAsync($"tre-{Guid.NewGuid():N}@example.vn", SenRoles.Writer);
        var path = link[link.IndexOf("/admin/", StringComparison.Ordinal)..];
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_15_minutes_even_for_the_right_password()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal("E-mail hoặc mật khẩu không đúng.", await MessageAsync(await client.SignInAsync(writer.Email, "SaiMatKhau2026")));
        }

        Assert.Contains("15 phút", await MessageAsync(await client.SignInAsync(writer.Email, "SaiMatKhau2026")), StringComparison.Ordinal);
        Assert.Contains("15 phút", await MessageAsync(await client.SignInAsync(writer.Email, TestAccounts.Password)), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Contains("1 phút", await MessageAsync(await client.SignInAsync(writer.Email, TestAccounts.Password)), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var signedIn = await client.SignInAsync(writer.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var failures = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(a => a.Action == AuditActions.SignInFailed && a.UserName == writer.Email && a.UserId == writer.Id, Ct));
        Assert.Equal(7, failures);
    }

    [Fact]
    public async Task An_unknown_e_mail_gets_the_same_answer_as_a_wrong_password_and_is_audited()
    {
        factory.RequireProvider();
        var typed = $"khong-co-{Guid.NewGuid():N}@example.vn";
        Assert.Equal("E-mail hoặc mật khẩu không đúng.", await MessageAsync(await factory.NewsroomClient().SignInAsync(typed, TestAccounts.Password)));
        var entry = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking().SingleAsync(a => a.UserName == typed, Ct));
        Assert.Equal(AuditActions.SignInFailed, entry.Action);
        Assert.Null(entry.UserId);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        await ChangeAsync(writer.Id, ManageUser.Change.Disable);
        var client = factory.NewsroomClient();
        using var refused = await client.SignInAsync(writer.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".Sen.Auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        var changes = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.UserChanged && a.EntityId == writer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => a.Changes).SingleAsync(Ct));
        Assert.Equal(new[] { "False", "True" }, JsonSerializer.Deserialize<Dictionary<string, string?[]>>(changes!)!["IsDisabled"]);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_open_sessions_within_a_minute()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        await ChangeAsync(writer.Id, ManageUser.Change.SignOutEverywhere);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        using var after = await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/admin/dang-nhap", after.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_link_sets_a_new_password_and_ends_open_sessions()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);

        var link = (await ChangeAsync(writer.Id, ManageUser.Change.ResetPassword)).Link!;
        var path = link[link.IndexOf("/admin/loi-moi/", StringComparison.Ordinal)..];
        const string newPassword = "MatKhauMoi2027";
        using (var set = await factory.NewsroomClient().PostFormAsync(path, new() { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal("E-mail hoặc mật khẩu không đúng.", await MessageAsync(await factory.NewsroomClient().SignInAsync(writer.Email, TestAccounts.Password)));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewsroomClient().SignInAsync(writer.Email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_a_post_and_ends_the_session()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        using var signedOut = await client.PostFormAsync("/admin", new(), "/admin/dang-xuat");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_a_local_return_url_is_followed()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        using var local = await factory.NewsroomClient().PostFormAsync("/admin/dang-nhap?ReturnUrl=%2Fadmin%3Fx%3D1", new() { ["Email"] = writer.Email, ["Password"] = TestAccounts.Password });
        Assert.Equal("/admin?x=1", local.Headers.Location!.OriginalString);
        using var away = await factory.NewsroomClient().PostFormAsync("/admin/dang-nhap?ReturnUrl=https%3A%2F%2Fevil.example%2F", new() { ["Email"] = writer.Email, ["Password"] = TestAccounts.Password });
        Assert.Equal("/admin", away.Headers.Location!.OriginalString);
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Html.Parse(await response.Content.ReadAsStringAsync(Ct)).QuerySelector(".admin-error")?.TextContent.Trim() ?? "";
        }
    }

    private Task<ManageUser.Result> ChangeAsync(int userId, ManageUser.Change change) =>
        factory.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(Actor.System("test"));
            var result = await sp.GetRequiredService<ManageUser>().HandleAsync(new ManageUser.Command(userId, change), Ct);
            Assert.True(result.Succeeded, result.Error);
            return result;
        });
}

public sealed class SqliteSignInTests(SqliteAppFactory factory) : SignInTests<SqliteAppFactory>(factory);

public sealed class PostgresSignInTests(PostgresAppFactory factory) : SignInTests<PostgresAppFactory>(factory);
