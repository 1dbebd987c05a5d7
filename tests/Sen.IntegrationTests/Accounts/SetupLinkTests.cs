using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Accounts;

/// <summary>No default password: while no administrator exists, start-up logs a one-time setup link.</summary>
public abstract partial class SetupLinkTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_logged_setup_link_creates_the_first_administrator_once_and_then_is_404()
    {
        factory.RequireProvider();
        var log = new LogCapture();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)));
        var client = app.NewsroomClient();

        var logged = log.Messages.Where(m => m.StartsWith("Warning:", StringComparison.Ordinal)).Select(m => SetupPath().Match(m)).Last(m => m.Success);
        var link = logged.Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(link, UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/thiet-lap/khong-phai-ma", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/thiet-lap/" + InvitationTokens.New(), UriKind.Relative), Ct)).StatusCode);

        // Without the antiforgery token nothing happens.
        using (var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@example.vn", ["DisplayName"] = "X", ["Password"] = "MatKhauTot2026", ["ConfirmPassword"] = "MatKhauTot2026" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri(link, UriKind.Relative), forged, Ct)).StatusCode);
        }

        using var weak = await client.PostFormAsync(link, new() { ["Email"] = "quantri@example.vn", ["DisplayName"] = "Quản trị", ["Password"] = "ngan", ["ConfirmPassword"] = "ngan" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("ít nhất 12 ký tự", Html.Parse(await weak.Content.ReadAsStringAsync(Ct)).QuerySelector(".admin-error")!.TextContent, StringComparison.Ordinal);

        using var created = await client.PostFormAsync(link, new() { ["Email"] = "quantri@example.vn", ["DisplayName"] = "Quản trị viên đầu tiên", ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin", created.Headers.Location!.OriginalString);
        var dashboard = await client.GetDocumentAsync("/admin");
        Assert.Contains("Quản trị viên đầu tiên", dashboard.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Quản trị viên", dashboard.QuerySelector("main strong")!.TextContent, StringComparison.Ordinal);

        // Spent: a second use, by anyone, is a 404.
        var other = app.NewsroomClient();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(link, UriKind.Relative), Ct)).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccountSetUp && a.UserName == "quantri@example.vn", Ct));
        Assert.NotNull((await db.AccountInvitations.SingleAsync(i => i.Email == null, Ct)).UsedAt);

        // With an administrator, a start logs no link and stores none.
        var before = log.Messages.Count(m => SetupPath().IsMatch(m));
        await scope.ServiceProvider.GetServices<IDatabaseStartupTask>().OfType<OfferSetupOnStart>().Single().RunAsync(new DatabaseOptions(), Ct);

        Assert.Equal(before, log.Messages.Count(m => SetupPath().IsMatch(m)));
        Assert.Equal(1, await db.AccountInvitations.CountAsync(i => i.Email == null, Ct));

        // The only administrator can be neither disabled nor demoted: the newsroom never locks itself out.
        var id = await db.Users.Where(u => u.Email == "quantri@example.vn").Select(u => u.Id).SingleAsync(Ct);
        var manage = scope.ServiceProvider.GetRequiredService<ManageUser>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(Actor.System("test"));
        Assert.Contains("quản trị viên cuối cùng", (await manage.HandleAsync(new ManageUser.Command(id, ManageUser.Change.Disable), Ct)).Error, StringComparison.Ordinal);
        Assert.Contains("quản trị viên cuối cùng", (await manage.HandleAsync(new ManageUser.Command(id, ManageUser.Change.SetRole, SenRoles.Writer), Ct)).Error, StringComparison.Ordinal);
        Assert.False(await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.IsDisabled, Ct));
    }

    [GeneratedRegex("/admin/thiet-lap/[A-Za-z0-9_-]{43}")]
    private static partial Regex SetupPath();
}

public sealed class SqliteSetupLinkTests(SqliteAppFactory factory) : SetupLinkTests<SqliteAppFactory>(factory);

public sealed class PostgresSetupLinkTests(PostgresAppFactory factory) : SetupLinkTests<PostgresAppFactory>(factory);
