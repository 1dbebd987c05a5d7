using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Accounts;
using Sen.IntegrationTests.Manage;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Redirects;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Redirects;

/// <summary>/admin/chuyen-huong and old addresses: checked input, audited changes, 301 instead of 404 at once, never a loop.</summary>
public abstract class RedirectsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string Create = "/admin/chuyen-huong?handler=Create";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "/tin-tuc", "Hãy nhập địa chỉ cũ.")]
    [InlineData("Default.aspx", "/tin-tuc", "Địa chỉ cũ phải là đường dẫn bắt đầu bằng / (tối đa 400 ký tự).")]
    [InlineData("//evil.example/a", "/tin-tuc", "Địa chỉ cũ phải là đường dẫn bắt đầu bằng / (tối đa 400 ký tự).")]
    [InlineData("/cu-1", "", "Hãy nhập địa chỉ mới.")]
    [InlineData("/cu-1", "javascript:alert(1)", "Địa chỉ mới phải là đường dẫn bắt đầu bằng / hoặc địa chỉ http:// hay https:// đầy đủ.")]
    [InlineData("/cu-1", "//evil.example", "Địa chỉ mới phải là đường dẫn bắt đầu bằng / hoặc địa chỉ http:// hay https:// đầy đủ.")]
    [InlineData("/cu-1", "ftp://example.vn/a", "Địa chỉ mới phải là đường dẫn bắt đầu bằng / hoặc địa chỉ http:// hay https:// đầy đủ.")]
    [InlineData("/Vong-Lap", "/vong-lap/", "Địa chỉ mới lại chuyển hướng về địa chỉ cũ: chuyển hướng này sẽ lặp vô tận.")]
    public async Task A_bad_redirect_is_refused_with_a_vietnamese_message_and_400(string oldPath, string target, string message)
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var before = await CountAsync();

        using var response = await client.SubmitAsync(Create, new() { ["OldPath"] = oldPath, ["Target"] = target });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await response.ErrorsAsync());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_old_address_answers_301_however_its_query_is_written_until_the_redirect_is_deleted()
    {
        factory.RequireProvider();
        var admin = await factory.SignedInAsync();
        var reader = factory.NewsroomClient();
        using (var missing = await reader.GetAsync(new Uri("/Default.aspx?tabid=12&ItemID=345", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var created = await admin.SubmitAsync(Create, new() { ["OldPath"] = "/Default.aspx?tabid=12&ItemID=345", ["Target"] = "/xay-dung-dang" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        foreach (var old in new[] { "/Default.aspx?tabid=12&ItemID=345", "/default.aspx?ItemID=345&tabid=12", "/DEFAULT.ASPX/?itemid=345&TabId=12" })
        {
            using var moved = await reader.GetAsync(new Uri(old, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal("/xay-dung-dang", moved.Headers.Location?.OriginalString);
        }

        using (var other = await reader.GetAsync(new Uri("/Default.aspx?tabid=12&ItemID=346", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        var audit = await LastAuditAsync(AuditActions.RedirectCreated);
        Assert.Equal("/default.aspx?itemid=345&tabid=12 → /xay-dung-dang", audit.Summary);
        var id = int.Parse(audit.EntityId!, CultureInfo.InvariantCulture);
        using (var deleted = await admin.SubmitAsync($"/admin/chuyen-huong?handler=Delete&id={id}", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), (await LastAuditAsync(AuditActions.RedirectDeleted)).EntityId);
        using var gone = await reader.GetAsync(new Uri("/Default.aspx?tabid=12&ItemID=345", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Without_a_public_url_old_paths_of_any_depth_still_redirect_for_every_host()
    {
        // Then cached copies are kept per host (ConfiguredSite.KeyFor); redirects belong to the site, whatever the host.
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Site:PublicUrl", ""));
        var old = $"/web/guest/tin-tuc/-/asset_publisher/Ab12/content/bai-{Guid.NewGuid():N}";
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await db.Sites.SingleAsync(s => s.Key == SiteContext.DefaultKey, Ct);
            db.Redirects.Add(new Redirect { SiteId = site.Id, OldPath = RedirectPaths.Normalize(old)!, Target = "/xay-dung-dang", Source = "admin", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        app.Services.GetRequiredService<RedirectTable>().Clear();

        foreach (var host in new[] { "localhost", "tinhuy.example.vn" })
        {
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}") });
            using var moved = await client.GetAsync(new Uri(old, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal("/xay-dung-dang", moved.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task A_page_that_exists_is_never_redirected_and_a_chain_back_is_refused_as_a_loop()
    {
        factory.RequireProvider();
        var admin = await factory.SignedInAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Create, new() { ["OldPath"] = "/xay-dung-dang", ["Target"] = "https://example.vn/" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Create, new() { ["OldPath"] = "/chuoi-a", ["Target"] = "/chuoi-b" })).StatusCode);

        using var looped = await admin.SubmitAsync(Create, new() { ["OldPath"] = "/chuoi-b", ["Target"] = "/Chuoi-A" });
        Assert.Equal(HttpStatusCode.BadRequest, looped.StatusCode);
        Assert.Equal(["Địa chỉ mới lại chuyển hướng về địa chỉ cũ: chuyển hướng này sẽ lặp vô tận."], await looped.ErrorsAsync());

        using var taken = await admin.SubmitAsync(Create, new() { ["OldPath"] = "/CHUOI-A", ["Target"] = "/tin-tuc" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(["Địa chỉ cũ này đã có chuyển hướng."], await taken.ErrorsAsync());

        using var page = await factory.NewsroomClient().GetAsync(new Uri("/xay-dung-dang", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_wordpress_address_on_the_home_page_redirects_and_the_home_page_stays()
    {
        factory.RequireProvider();
        var admin = await factory.SignedInAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Create, new() { ["OldPath"] = "/?p=123", ["Target"] = "/xay-dung-dang" })).StatusCode);
        var reader = factory.NewsroomClient();

        using var moved = await reader.GetAsync(new Uri("/?p=123", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/xay-dung-dang", moved.Headers.Location?.OriginalString);
        using var home = await reader.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        using var otherPost = await reader.GetAsync(new Uri("/?p=124", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, otherPost.StatusCode);
    }

    [Fact]
    public async Task The_list_searches_and_pages()
    {
        factory.RequireProvider();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await sp.GetRequiredService<SiteContext>().GetAsync(Ct);
            for (var i = 0; i < ListRedirects.PageSize + 5; i++)
            {
                db.Redirects.Add(new Redirect { SiteId = site.Id, OldPath = $"/trang-loat/{i}", Target = $"/xay-dung-dang?loat={i}", Source = "test", CreatedAt = DateTime.UtcNow });
            }

            return await db.SaveChangesAsync(Ct);
        });
        var admin = await factory.SignedInAsync();

        var first = await admin.GetDocumentAsync("/admin/chuyen-huong?q=trang-loat");
        Assert.Equal(ListRedirects.PageSize, first.QuerySelectorAll("tbody tr").Length);
        var second = await admin.GetDocumentAsync("/admin/chuyen-huong?q=trang-loat&trang=2");
        Assert.Equal(5, second.QuerySelectorAll("tbody tr").Length);
        var one = await admin.GetDocumentAsync("/admin/chuyen-huong?q=/trang-loat/17");
        Assert.Equal(["/trang-loat/17"], one.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent));
        await admin.GetDocumentAsync("/admin/chuyen-huong?trang=x", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_writer_cannot_add_redirects()
    {
        factory.RequireProvider();
        var writer = await factory.SignedInAsync(Sen.Web.Features.Accounts.SenRoles.Writer);
        var before = await CountAsync();

        using var response = await writer.SubmitAsync(Create, new() { ["OldPath"] = "/cua-nguoi-viet", ["Target"] = "/tin-tuc" });

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.Headers.Location is { } location && location.PathAndQuery().StartsWith("/admin/khong-du-quyen", StringComparison.Ordinal)), $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(before, await CountAsync());
    }

    private Task<int> CountAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Redirects.CountAsync(Ct));

    private Task<AuditEntry> LastAuditAsync(string action) => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
        .Where(a => a.Action == action).OrderByDescending(a => a.Id).FirstAsync(Ct));
}

public sealed class SqliteRedirectsTests(SqliteAppFactory factory) : RedirectsTests<SqliteAppFactory>(factory);

public sealed class PostgresRedirectsTests(PostgresAppFactory factory) : RedirectsTests<PostgresAppFactory>(factory);
