using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Manage;

/// <summary>Categories, links and settings are for administrators only, and every change needs the antiforgery token.</summary>
public abstract class ManageAccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin/chuyen-muc")]
    [InlineData("/admin/lien-ket")]
    [InlineData("/admin/cai-dat")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        factory.RequireProvider();
        using var response = await factory.NewsroomClient().GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(url), response.Location());
    }

    [Theory]
    [InlineData(SenRoles.Writer)]
    [InlineData(SenRoles.Approver)]
    public async Task Writers_and_approvers_are_refused_every_page_and_every_change_with_403(string role)
    {
        factory.RequireProvider();
        var (categoryId, linkId) = await IdsAsync();
        var client = await factory.SignedInAsync(role);
        string[] pages = ["/admin/chuyen-muc", $"/admin/chuyen-muc/{categoryId}", "/admin/lien-ket", $"/admin/lien-ket/{linkId}", "/admin/cai-dat"];
        foreach (var url in pages)
        {
            using var refused = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/admin/khong-du-quyen", refused.Location(), StringComparison.Ordinal);
            await client.GetDocumentAsync(refused.Location(), HttpStatusCode.Forbidden);
        }

        var before = await SnapshotAsync();
        foreach (var (url, fields) in Changes(categoryId, linkId))
        {
            using var refused = await client.SubmitAsync(url, fields);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"POST {url}: {(int)refused.StatusCode}");
            Assert.StartsWith("/admin/khong-du-quyen", refused.Location(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync());

        // The newsroom's menu shows them none of these pages.
        var dashboard = await client.GetDocumentAsync("/admin");
        Assert.Empty(dashboard.QuerySelectorAll("a[href='/admin/chuyen-muc'], a[href='/admin/lien-ket'], a[href='/admin/cai-dat']"));
    }

    [Fact]
    public async Task Every_change_without_the_antiforgery_token_is_400_and_changes_nothing()
    {
        factory.RequireProvider();
        var (categoryId, linkId) = await IdsAsync();
        var client = await factory.SignedInAsync();
        var dashboard = await client.GetDocumentAsync("/admin");
        Assert.NotEmpty(dashboard.QuerySelectorAll("a[href='/admin/chuyen-muc'], a[href='/admin/lien-ket'], a[href='/admin/cai-dat']"));
        var before = await SnapshotAsync();
        foreach (var (url, fields) in Changes(categoryId, linkId))
        {
            using var refused = await client.PostWithoutTokenAsync(url, fields);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: {(int)refused.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    private static IEnumerable<(string Url, Dictionary<string, string> Fields)> Changes(int categoryId, int linkId) =>
    [
        ("/admin/chuyen-muc?handler=Create", new() { ["Name"] = "Chuyên mục trái phép", ["ShowInMenu"] = "true" }),
        ($"/admin/chuyen-muc?handler=Move&id={categoryId}&direction=down", []),
        ($"/admin/chuyen-muc/{categoryId}", new() { ["Name"] = "Đổi tên trái phép", ["Slug"] = "doi-ten-trai-phep" }),
        ($"/admin/chuyen-muc/{categoryId}?handler=Delete", new() { ["confirm"] = "true" }),
        ("/admin/lien-ket?handler=Create", new() { ["Title"] = "Liên kết trái phép", ["Url"] = "https://example.vn" }),
        ($"/admin/lien-ket?handler=Move&id={linkId}&direction=down", []),
        ($"/admin/lien-ket/{linkId}", new() { ["Title"] = "Đổi trái phép", ["Url"] = "https://example.vn" }),
        ($"/admin/lien-ket/{linkId}?handler=Delete", new() { ["confirm"] = "true" }),
        ("/admin/cai-dat", new() { ["Name"] = "Tên trái phép" }),
    ];

    /// <summary>A category with no articles (deletable) and the first link.</summary>
    private Task<(int CategoryId, int LinkId)> IdsAsync() => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var category = await db.Categories.Where(c => !db.Articles.Any(a => a.CategoryId == c.Id) && !db.Categories.Any(x => x.ParentId == c.Id))
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        var link = await db.WebsiteLinks.OrderBy(l => l.SortOrder).Select(l => l.Id).FirstAsync(Ct);
        return (category, link);
    });

    private Task<string> SnapshotAsync() => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Name}:{c.Slug}:{c.ParentId}:{c.SortOrder}").ToListAsync(Ct);
        var links = await db.WebsiteLinks.AsNoTracking().OrderBy(l => l.Id).Select(l => $"{l.Id}:{l.Title}:{l.Url}:{l.SortOrder}").ToListAsync(Ct);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Name}:{s.WelcomeLine}").ToListAsync(Ct);
        return string.Join("\n", categories.Concat(links).Concat(sites));
    });
}

public sealed class SqliteManageAccessTests(SqliteAppFactory factory) : ManageAccessTests<SqliteAppFactory>(factory);

public sealed class PostgresManageAccessTests(PostgresAppFactory factory) : ManageAccessTests<PostgresAppFactory>(factory);
