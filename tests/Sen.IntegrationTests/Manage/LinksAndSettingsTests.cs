using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Links;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Manage;

/// <summary>/admin/lien-ket and /admin/cai-dat: checked input, audited changes, shown to readers at once and only as text.</summary>
public abstract class LinksAndSettingsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string CreateLink = "/admin/lien-ket?handler=Create";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "https://chinhphu.vn", "Hãy nhập tên liên kết.")]
    [InlineData("LONG", "https://chinhphu.vn", "Tên liên kết dài tối đa 300 ký tự.")]
    [InlineData("Chính phủ", "", "Hãy nhập địa chỉ liên kết.")]
    [InlineData("Chính phủ", "javascript:alert(1)", "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://chinhphu.vn).")]
    [InlineData("Chính phủ", " JavaScript:alert(document.cookie)", "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://chinhphu.vn).")]
    [InlineData("Chính phủ", "data:text/html,<script>alert(1)</script>", "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://chinhphu.vn).")]
    [InlineData("Chính phủ", "/tin-tuc", "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://chinhphu.vn).")]
    [InlineData("Chính phủ", "//evil.example", "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://chinhphu.vn).")]
    [InlineData("Chính phủ", "ftp://chinhphu.vn", "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://chinhphu.vn).")]
    [InlineData("Chính phủ", "https://chinh phu.vn", "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://chinhphu.vn).")]
    [InlineData("Chính phủ", "https://", "Địa chỉ liên kết phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://chinhphu.vn).")]
    [InlineData("Chính phủ", "LONG", "Địa chỉ liên kết dài tối đa 1.000 ký tự.")]
    public async Task A_bad_link_is_refused_with_a_vietnamese_message_and_400(string title, string url, string message)
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var before = await LinkCountAsync();
        title = title == "LONG" ? new string('a', 301) : title;
        url = url == "LONG" ? "https://example.vn/" + new string('a', 1000) : url;
        using var response = await client.SubmitAsync(CreateLink, new() { ["Title"] = title, ["Url"] = url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await response.ErrorsAsync());
        Assert.Equal(before, await LinkCountAsync());
    }

    [Fact]
    public async Task A_link_is_added_edited_moved_and_deleted_and_readers_see_each_change_at_once()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(CountingOutputCacheStore.Decorate));
        var store = app.Services.GetRequiredService<CountingOutputCacheStore>();
        var article = await factory.PickAsync(1);
        var reader = app.CreateClient();
        var admin = await app.SignedInAsync(factory);
        await reader.GetDocumentAsync(article.Url);
        var evicted = store.Evicted.Count;

        using (var created = await admin.SubmitAsync(CreateLink, new() { ["Title"] = "Cổng Dịch vụ công", ["Url"] = "https://dichvucong.gov.vn/" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        Assert.Equal([PublicCache.Tags.Chrome], store.Evicted.Skip(evicted).Distinct());
        var links = Links(await reader.GetDocumentAsync(article.Url));
        Assert.Equal(("Cổng Dịch vụ công", "https://dichvucong.gov.vn/"), links[^1]);
        var id = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().WebsiteLinks.Where(l => l.Url == "https://dichvucong.gov.vn/").Select(l => l.Id).SingleAsync(Ct));
        var created1 = await LastAuditAsync(AuditActions.LinkCreated);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), created1.EntityId);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/lien-ket?handler=Move&id={id}&direction=up", [])).StatusCode);
        links = Links(await reader.GetDocumentAsync("/"));
        Assert.Equal("Cổng Dịch vụ công", links[^2].Title);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/lien-ket/{id}", new() { ["Title"] = "Cổng Dịch vụ công quốc gia", ["Url"] = "https://dichvucong.gov.vn/p/home" })).StatusCode);
        Assert.Contains(("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/p/home"), Links(await reader.GetDocumentAsync(article.Url)));
        var changed = JsonSerializer.Deserialize<Dictionary<string, string?[]>>((await LastAuditAsync(AuditActions.LinkChanged)).Changes!)!;
        Assert.Equal("Cổng Dịch vụ công|Cổng Dịch vụ công quốc gia", string.Join('|', changed["Title"]));
        Assert.Equal("https://dichvucong.gov.vn/|https://dichvucong.gov.vn/p/home", string.Join('|', changed["Url"]));

        using (var unconfirmed = await admin.SubmitAsync($"/admin/lien-ket/{id}?handler=Delete", []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
            Assert.Equal(["Hãy đánh dấu ô xác nhận trước khi xóa."], await unconfirmed.ErrorsAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/lien-ket/{id}?handler=Delete", new() { ["confirm"] = "true" })).StatusCode);
        Assert.DoesNotContain(Links(await reader.GetDocumentAsync(article.Url)), l => l.Url.StartsWith("https://dichvucong.gov.vn", StringComparison.Ordinal));
        Assert.Equal("Cổng Dịch vụ công quốc gia", (await LastAuditAsync(AuditActions.LinkDeleted)).Summary);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/admin/lien-ket/{id}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_link_of_another_site_is_not_found()
    {
        factory.RequireProvider();
        var otherId = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = new Site { Key = "so-tu-phap-" + Guid.NewGuid().ToString("N")[..6], Name = "Sở Tư pháp", UpdatedAt = DateTime.UtcNow };
            db.Sites.Add(site);
            await db.SaveChangesAsync(Ct);
            var link = new WebsiteLink { SiteId = site.Id, Title = "Liên kết sở", Url = "https://sotuphap.example.vn" };
            db.WebsiteLinks.Add(link);
            await db.SaveChangesAsync(Ct);
            return link.Id;
        });
        var client = await factory.SignedInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/admin/lien-ket/{otherId}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync($"/admin/lien-ket/{otherId}", new() { ["Title"] = "Đổi", ["Url"] = "https://a.vn" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync($"/admin/lien-ket/{otherId}?handler=Delete", new() { ["confirm"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync($"/admin/lien-ket?handler=Move&id={otherId}&direction=up", [])).StatusCode);
        Assert.Equal("Liên kết sở", await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().WebsiteLinks.Where(l => l.Id == otherId).Select(l => l.Title).SingleAsync(Ct)));
    }

    [Theory]
    [InlineData("Name", "", "Hãy nhập tên cổng thông tin.")]
    [InlineData("Name", "LONG300", "Tên cổng thông tin dài tối đa 300 ký tự.")]
    [InlineData("WelcomeLine", "LONG500", "Dòng chào mừng dài tối đa 500 ký tự.")]
    [InlineData("FooterEmail", "khong-phai-email", "Email không hợp lệ (ví dụ đúng: vanphong@quangnam.gov.vn).")]
    [InlineData("FooterEmail", "\"<script>\"@x.vn", "Email không hợp lệ (ví dụ đúng: vanphong@quangnam.gov.vn).")]
    [InlineData("FooterEmail", "a@b", "Email không hợp lệ (ví dụ đúng: vanphong@quangnam.gov.vn).")]
    [InlineData("FooterPhone", "0235<script>", "Số điện thoại chỉ gồm chữ số, khoảng trắng và các dấu + ( ) . - / ,")]
    public async Task Bad_settings_are_refused_with_a_vietnamese_message_and_400(string field, string value, string message)
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var before = await SiteNameAsync();
        var fields = await CurrentSettingsAsync(client);
        fields[field] = value.StartsWith("LONG", StringComparison.Ordinal) ? new string('a', int.Parse(value[4..], System.Globalization.CultureInfo.InvariantCulture) + 1) : value;
        using var response = await client.SubmitAsync("/admin/cai-dat", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await response.ErrorsAsync());
        Assert.Equal(before, await SiteNameAsync());
    }

    [Fact]
    public async Task Saved_settings_are_audited_and_on_every_public_page_at_once()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(CountingOutputCacheStore.Decorate));
        var store = app.Services.GetRequiredService<CountingOutputCacheStore>();
        var article = await factory.PickAsync(3);
        var reader = app.CreateClient();
        var admin = await app.SignedInAsync(factory);
        var before = await SiteNameAsync();
        await reader.GetDocumentAsync("/");
        await reader.GetDocumentAsync(article.Url);
        var evicted = store.Evicted.Count;

        var fields = await CurrentSettingsAsync(admin);
        fields["Name"] = "Cổng thông tin điện tử Tỉnh ủy (thử)";
        fields["FooterEmail"] = "banbientap@tinhuy.example.vn";
        fields["FooterPhone"] = "(0235) 3 852 123";
        using var saved = await admin.SubmitAsync("/admin/cai-dat", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Đã lưu thay đổi.", (await admin.GetDocumentAsync(saved.Location())).QuerySelector(".admin-notice").Text());

        Assert.Equal([PublicCache.Tags.Chrome], store.Evicted.Skip(evicted).Distinct());
        foreach (var url in new[] { "/", article.Url })
        {
            var page = await reader.GetDocumentAsync(url);
            Assert.Contains("Cổng thông tin điện tử Tỉnh ủy (thử)", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("a[href='mailto:banbientap@tinhuy.example.vn']"));
        }

        var changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>((await LastAuditAsync(AuditActions.SettingsChanged)).Changes!)!;
        Assert.Equal(before + "|Cổng thông tin điện tử Tỉnh ủy (thử)", string.Join('|', changes["Name"]));
        Assert.DoesNotContain("WelcomeLine", changes.Keys);
    }

    [Theory]
    [InlineData("<script>alert('xss')</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("'';!--\"<XSS>=&{()}")]
    [InlineData("<a href=\"javascript:alert(1)\">bấm</a>")]
    public async Task Hostile_settings_and_link_titles_are_only_text_on_public_pages(string hostile)
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var fields = await CurrentSettingsAsync(client);
        foreach (var field in new[] { "Name", "WelcomeLine", "FooterAgency", "FooterAddress", "LicenceLine" })
        {
            fields[field] = hostile;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/admin/cai-dat", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(CreateLink, new() { ["Title"] = hostile, ["Url"] = "https://example.vn/?q=\"><script>alert(1)</script>" })).StatusCode);
        var article = await factory.PickAsync(0);
        foreach (var url in new[] { "/", article.Url, "/tim-kiem?q=dang" })
        {
            var html = await factory.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative), Ct);
            Inert.Assert(html, hostile);
        }

        // The admin pages show it back as text too.
        Inert.Assert(await client.GetStringAsync(new Uri("/admin/lien-ket", UriKind.Relative), Ct), hostile);
    }

    private static List<(string Title, string Url)> Links(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("[data-link-select] a").Select(a => (a.TextContent, a.GetAttribute("href")!))];

    private static async Task<Dictionary<string, string>> CurrentSettingsAsync(HttpClient client)
    {
        var form = await client.GetDocumentAsync("/admin/cai-dat");
        return form.QuerySelectorAll("form.admin-form input[name]:not([name^='__'])")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    private Task<int> LinkCountAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().WebsiteLinks.CountAsync(Ct));

    private Task<string> SiteNameAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Sites
        .Where(s => s.Key == SiteContext.DefaultKey).Select(s => s.Name).SingleAsync(Ct));

    private Task<AuditEntry> LastAuditAsync(string action) => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
        .Where(a => a.Action == action).OrderByDescending(a => a.Id).FirstAsync(Ct));
}

public sealed class SqliteLinksAndSettingsTests(SqliteAppFactory factory) : LinksAndSettingsTests<SqliteAppFactory>(factory);

public sealed class PostgresLinksAndSettingsTests(PostgresAppFactory factory) : LinksAndSettingsTests<PostgresAppFactory>(factory);
