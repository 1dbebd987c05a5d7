using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Accounts;

/// <summary>/admin as a whole: who may enter, its headers and cookie, and that readers' pages stay fast beside it.</summary>
public abstract class NewsroomShellTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static readonly string[] AnonymousPages = ["admin/dang-nhap", "admin/dang-nhap/hai-buoc", "admin/thiet-lap/{token}", "admin/loi-moi/{token}", "admin/khong-du-quyen"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/nguoi-dung")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        factory.RequireProvider();
        using var response = await factory.NewsroomClient().GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public void Every_newsroom_endpoint_needs_a_newsroom_role_except_signing_in_and_the_one_time_links()
    {
        factory.RequireProvider();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "admin/nguoi-dung");
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(anonymous == AnonymousPages.Contains(route), $"{route}: anonymous {anonymous}");
            if (!anonymous)
            {
                Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == NewsroomPolicies.Newsroom);
            }
        }
    }

    [Fact]
    public async Task A_writer_is_refused_the_users_page_with_403()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        using var refused = await client.GetAsync(new Uri("/admin/nguoi-dung", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/khong-du-quyen", refused.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        var page = await client.GetDocumentAsync(refused.Headers.Location!.PathAndQuery(), HttpStatusCode.Forbidden);
        Assert.Equal("Không có quyền truy cập", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("a[href='/admin/nguoi-dung']"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_400()
    {
        factory.RequireProvider();
        var admin = await factory.CreateAsync(SenRoles.Admin);
        var client = factory.NewsroomClient();
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = TestAccounts.Password }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/admin/dang-nhap", UriKind.Relative), form, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(admin.Email, TestAccounts.Password)).StatusCode);
        var writer = await factory.CreateAsync(SenRoles.Writer);
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>()))
        {
            var url = $"/admin/nguoi-dung?handler=Disable&id={writer.Id}";
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri(url, UriKind.Relative), form, Ct)).StatusCode);
        }

        Assert.False(await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Users.AnyAsync(u => u.Id == writer.Id && u.IsDisabled, Ct)));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_same_site_lax_and_sent_only_to_the_newsroom()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        using var response = await factory.NewsroomClient().SignInAsync(writer.Email, TestAccounts.Password);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Sen.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("path=/admin;", cookie + ";", StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);

        // Over plain HTTP the browser would drop a Secure cookie; behind TLS it is Secure (SameAsRequest).
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newsroom_responses_have_their_own_policy_and_are_never_stored_or_indexed()
    {
        factory.RequireProvider();
        var client = factory.NewsroomClient();
        using var signIn = await client.GetAsync(new Uri("/admin/dang-nhap", UriKind.Relative), Ct);
        var csp = string.Join(" ", signIn.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob:;", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", csp, StringComparison.Ordinal);
        Assert.True(signIn.Headers.CacheControl!.NoStore);
        Assert.Contains("noindex", string.Join(" ", signIn.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);

        using var redirect = await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct);
        Assert.True(redirect.Headers.CacheControl!.NoStore);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Contains("img-src 'self' data: https:;", string.Join(" ", home.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.False(home.Headers.Contains("X-Robots-Tag"));
    }

    [Fact]
    public async Task Public_pages_stay_cached_and_served_ready_while_an_editor_is_signed_in()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative), Ct)).StatusCode);

        var article = await factory.PickAsync(5);
        var key = ReadyPageKeys.ForLivePage(SiteContext.DefaultKey, "", article.Url);
        var store = factory.Services.GetRequiredService<IOutputCacheStore>();
        var livePages = factory.Services.GetRequiredService<ILivePages>();
        await factory.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Article(article.Id)], Ct);

        // The editor's own visit renders the page for everyone: it carried no sign-in.
        await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        var bytes = await store.GetAsync(key, Ct);
        Assert.NotNull(bytes);
        Assert.True(ReadyPage.TryRead(bytes, livePages, out var ready));

        // Marked in the store only: a page with the mark can only have come from the ready copy.
        var marked = Encoding.UTF8.GetString(ready.Body.Span).Replace("</h1>", " (bản sẵn)</h1>", StringComparison.Ordinal);
        await store.SetAsync(key, ReadyPage.ToBytes(ready.Headers, Encoding.UTF8.GetBytes(marked), live: true), [PublicCache.Tags.Article(article.Id)], TimeSpan.FromMinutes(1), Ct);
        var served = await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        Assert.Equal(article.Title + " (bản sẵn)", Html.Parse(served).QuerySelector("h1")!.TextContent);

        // A request that does carry the sign-in cookie goes through the whole pipeline.
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, article.Url);
        withCookie.Headers.Add("Cookie", "theme=dark; .Sen.Auth=abc");
        using var rendered = await factory.CreateClient(new() { HandleCookies = false }).SendAsync(withCookie, Ct);
        Assert.Equal(article.Title, Html.Parse(await rendered.Content.ReadAsStringAsync(Ct)).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData(".Sen.Auth=abc", true)]
    [InlineData("a=1; .Sen.Auth=chunks-2; .Sen.AuthC1=x", true)]
    [InlineData("a=1;.Sen.Auth=x", true)]
    [InlineData("x.Sen.Auth=1", false)]
    [InlineData(".Sen.AuthX=1", false)]
    [InlineData("a=.Sen.Auth=1", false)]
    [InlineData(".AspNetCore.Antiforgery.abc=1", false)]
    [InlineData("", false)]
    public void A_sign_in_is_told_by_the_configured_cookie_name(string cookieHeader, bool carries)
    {
        factory.RequireProvider();
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookieHeader;
        Assert.Equal(carries, factory.Services.GetRequiredService<IEditorSession>().CarriesSignIn(context.Request));
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Accounts:SignInRateLimit:PermitsPerMinute", "2"));
        var client = app.NewsroomClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.SignInAsync("ai-do@example.vn", "SaiMatKhau2026");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SignInAsync("ai-do@example.vn", "SaiMatKhau2026");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Quá nhiều lần đăng nhập", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Showing the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/dang-nhap", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_invites_changes_roles_and_disables_from_the_users_page_and_each_change_is_audited()
    {
        factory.RequireProvider();
        var admin = await factory.CreateAsync(SenRoles.Admin);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(admin.Email, TestAccounts.Password)).StatusCode);

        var email = $"trang-{Guid.NewGuid():N}@example.vn";
        using var invited = await client.PostFormAsync("/admin/nguoi-dung", new() { ["Email"] = email, ["DisplayName"] = "Trang", ["Role"] = SenRoles.Writer }, "/admin/nguoi-dung?handler=Invite");
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var page = Html.Parse(await invited.Content.ReadAsStringAsync(Ct));
        Assert.Contains("/admin/loi-moi/", page.QuerySelector(".admin-notice")!.TextContent, StringComparison.Ordinal);
        var id = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct));
        Assert.Contains(page.QuerySelectorAll("td"), td => td.TextContent == email);

        using var role = await client.PostFormAsync("/admin/nguoi-dung", new() { ["role"] = SenRoles.Approver }, $"/admin/nguoi-dung?handler=Role&id={id}");
        Assert.Equal(HttpStatusCode.OK, role.StatusCode);
        using var duplicate = await client.PostFormAsync("/admin/nguoi-dung", new() { ["Email"] = email, ["Role"] = SenRoles.Writer }, "/admin/nguoi-dung?handler=Invite");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Đã có tài khoản", Html.Parse(await duplicate.Content.ReadAsStringAsync(Ct)).QuerySelector(".admin-error")!.TextContent, StringComparison.Ordinal);

        var entries = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.EntityType == "User")
            .OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal([AuditActions.UserInvited, AuditActions.UserChanged], entries.Select(e => e.Action));
        Assert.Equal(admin.Email, entries[1].UserName);
        Assert.Equal(admin.Id, entries[1].UserId);
        Assert.Contains("\"Role\":[\"Writer\",\"Approver\"]", entries[1].Changes, StringComparison.Ordinal);
    }
}

public sealed class SqliteNewsroomShellTests(SqliteAppFactory factory) : NewsroomShellTests<SqliteAppFactory>(factory);

public sealed class PostgresNewsroomShellTests(PostgresAppFactory factory) : NewsroomShellTests<PostgresAppFactory>(factory);

internal static class UriPaths
{
    /// <summary>The path and query of a Location header, absolute or not.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
