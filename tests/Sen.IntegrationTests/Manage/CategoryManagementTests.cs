using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;
using static Sen.IntegrationTests.Newsroom.NewsroomActs;

namespace Sen.IntegrationTests.Manage;

/// <summary>/admin/chuyen-muc: the tree, with Vietnamese refusals; readers see each change at once and old URLs keep working.</summary>
public abstract class CategoryManagementTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string Create = "/admin/chuyen-muc?handler=Create";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "", "Tên chuyên mục không được để trống và dài tối đa 200 ký tự.")]
    [InlineData("   ", "", "Tên chuyên mục không được để trống và dài tối đa 200 ký tự.")]
    [InlineData("LONG_NAME", "", "Tên chuyên mục không được để trống và dài tối đa 200 ký tự.")]
    [InlineData("Tìm kiếm", "", "Đường dẫn này đã được hệ thống dùng cho một trang khác; hãy chọn đường dẫn khác.")]
    [InlineData("Chuyên mục mới", "admin", "Đường dẫn này đã được hệ thống dùng cho một trang khác; hãy chọn đường dẫn khác.")]
    [InlineData("Chuyên mục mới", "Tin Tức", "Đường dẫn chuyên mục chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: tin-tuc-su-kien), tối đa 120 ký tự.")]
    [InlineData("Chuyên mục mới", "../admin", "Đường dẫn chuyên mục chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: tin-tuc-su-kien), tối đa 120 ký tự.")]
    public async Task A_bad_name_or_slug_is_refused_with_a_vietnamese_message_and_400(string name, string slug, string message)
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var before = await CountAsync();
        using var response = await client.SubmitAsync(Create, new() { ["Name"] = name == "LONG_NAME" ? new string('a', 201) : name, ["Slug"] = slug });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await response.ErrorsAsync());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_taken_slug_is_409_with_a_message_and_the_form_keeps_what_was_typed()
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        using var response = await client.SubmitAsync(Create, new() { ["Name"] = "Xây dựng Đảng (bản sao)", ["Slug"] = "xay-dung-dang", ["Description"] = "Mô tả đã gõ" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["Đã có chuyên mục dùng đường dẫn này; hãy chọn đường dẫn khác."], await response.ErrorsAsync());
        var page = Html.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Xây dựng Đảng (bản sao)", page.QuerySelector("#new-name")!.GetAttribute("value"));
        Assert.Equal("Mô tả đã gõ", page.QuerySelector("#new-description")!.TextContent);
    }

    [Fact]
    public async Task A_new_category_gets_a_slug_from_its_name_is_audited_and_is_in_the_menu_of_every_page_at_once()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(CountingOutputCacheStore.Decorate));
        var store = app.Services.GetRequiredService<CountingOutputCacheStore>();
        var article = await factory.PickAsync(2);
        var reader = app.CreateClient();
        Assert.DoesNotContain("/dan-van-kheo", MenuLinks(await reader.GetDocumentAsync("/")));
        await reader.GetDocumentAsync(article.Url);
        var evicted = store.Evicted.Count;

        var admin = await app.SignedInAsync(factory);
        using var created = await admin.SubmitAsync(Create, new() { ["Name"] = "Dân vận khéo", ["ShowInMenu"] = "true", ["Description"] = "Gương dân vận." });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/chuyen-muc?done=created", created.Location());
        Assert.Equal("Đã thêm.", (await admin.GetDocumentAsync(created.Location())).QuerySelector(".admin-notice").Text());

        Assert.Equal([PublicCache.Tags.Chrome], store.Evicted.Skip(evicted).Distinct());
        Assert.Contains("/dan-van-kheo", MenuLinks(await reader.GetDocumentAsync("/")));
        Assert.Contains("/dan-van-kheo", MenuLinks(await reader.GetDocumentAsync(article.Url)));
        Assert.Equal("Gương dân vận.", (await reader.GetDocumentAsync("/dan-van-kheo")).QuerySelector("p.lead").Text());

        var entry = await LastAuditAsync(AuditActions.CategoryCreated);
        Assert.Equal("Dân vận khéo", entry.Summary);
        var changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(entry.Changes!)!;
        Assert.Equal("|dan-van-kheo", string.Join('|', changes["Slug"]));
    }

    [Fact]
    public async Task Siblings_move_up_and_down_with_buttons_and_the_menu_follows()
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var reader = factory.CreateClient();
        var menu = MenuLinks(await reader.GetDocumentAsync("/"));
        var (second, first) = (menu[2], menu[1]);
        var secondId = await IdOfAsync(second.TrimStart('/'));

        var tree = await client.GetDocumentAsync("/admin/chuyen-muc");
        var up = tree.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == $"/admin/chuyen-muc?id={secondId}&direction=up&handler=Move");
        Assert.NotNull(up);
        using var moved = await client.SubmitAsync(up.GetAttribute("action")!, []);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var after = MenuLinks(await reader.GetDocumentAsync("/"));
        Assert.Equal(second, after[1]);
        Assert.Equal(first, after[2]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync("/admin/chuyen-muc?handler=Move&id=999999&direction=up", [])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SubmitAsync($"/admin/chuyen-muc?handler=Move&id={secondId}&direction=sideways", [])).StatusCode);
    }

    [Fact]
    public async Task A_new_slug_answers_old_category_and_article_urls_with_301_to_the_new_ones()
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var (categoryId, articleUrl, articleId) = await CategoryWithArticleAsync("Thi đua khen thưởng", "thi-dua");
        var reader = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/thi-dua", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(articleUrl, UriKind.Relative), Ct)).StatusCode);

        using var saved = await client.SubmitAsync($"/admin/chuyen-muc/{categoryId}", new() { ["Name"] = "Thi đua, khen thưởng", ["Slug"] = "thi-dua-khen-thuong", ["ShowInMenu"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await AssertMovedAsync(reader, "/thi-dua", "/thi-dua-khen-thuong");
        await AssertMovedAsync(reader, "/thi-dua?trang=1", "/thi-dua-khen-thuong");
        var slug = articleUrl.Split('/')[2];
        await AssertMovedAsync(reader, articleUrl, $"/thi-dua-khen-thuong/{slug}");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/thi-dua-khen-thuong", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/thi-dua-cu-khong-co", UriKind.Relative), Ct)).StatusCode);

        // A second change keeps both old slugs; taking the slug back makes it the category's own again.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/admin/chuyen-muc/{categoryId}", new() { ["Name"] = "Thi đua", ["Slug"] = "thi-dua-2026" })).StatusCode);
        await AssertMovedAsync(reader, "/thi-dua", "/thi-dua-2026");
        await AssertMovedAsync(reader, "/thi-dua-khen-thuong", "/thi-dua-2026");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/admin/chuyen-muc/{categoryId}", new() { ["Name"] = "Thi đua", ["Slug"] = "thi-dua" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/thi-dua", UriKind.Relative), Ct)).StatusCode);
        await AssertMovedAsync(reader, "/thi-dua-2026", "/thi-dua");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(ArticleUrls.Article("thi-dua", slug[..slug.LastIndexOf('-')], articleId), UriKind.Relative), Ct)).StatusCode);

        var entry = await LastAuditAsync(AuditActions.CategoryChanged);
        var changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(entry.Changes!)!;
        Assert.Equal("thi-dua-2026|thi-dua", string.Join('|', changes["Slug"]));
    }

    [Fact]
    public async Task A_category_cannot_go_under_itself_or_its_subtree()
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var parent = await CreateAsync("Cấp một", "cap-mot");
        var child = await CreateAsync("Cấp hai", "cap-hai", parent);
        var grandchild = await CreateAsync("Cấp ba", "cap-ba", child);
        foreach (var target in new[] { parent, grandchild })
        {
            using var refused = await client.SubmitAsync($"/admin/chuyen-muc/{parent}", new() { ["Name"] = "Cấp một", ["Slug"] = "cap-mot", ["ParentId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(["Không thể đặt chuyên mục vào chính nó hoặc vào một chuyên mục con của nó."], await refused.ErrorsAsync());
        }

        // The form offers only places outside its own subtree.
        var form = await client.GetDocumentAsync($"/admin/chuyen-muc/{parent}");
        var offered = form.QuerySelectorAll("#edit-parent option").Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain(child.ToString(System.Globalization.CultureInfo.InvariantCulture), offered);
        Assert.Null(await ParentOfAsync(parent));

        // Moving the grandchild to the top is fine, and its page lists under the new place.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/admin/chuyen-muc/{grandchild}", new() { ["Name"] = "Cấp ba", ["Slug"] = "cap-ba", ["ParentId"] = "" })).StatusCode);
        Assert.Null(await ParentOfAsync(grandchild));
    }

    [Fact]
    public async Task Only_an_empty_category_is_deleted_after_a_confirmation()
    {
        factory.RequireProvider();
        var client = await factory.SignedInAsync();
        var (withArticles, _, _) = await CategoryWithArticleAsync("Có bài", "co-bai");
        var parent = await CreateAsync("Có con", "co-con");
        await CreateAsync("Con", "con-cua-co-con", parent);
        var empty = await CreateAsync("Trống", "trong-rong");

        using (var refused = await client.SubmitAsync($"/admin/chuyen-muc/{withArticles}?handler=Delete", new() { ["confirm"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal(["Không thể xóa chuyên mục còn bài viết (kể cả bài trong thùng rác); hãy chuyển các bài viết sang chuyên mục khác trước."], await refused.ErrorsAsync());
        }

        using (var refused = await client.SubmitAsync($"/admin/chuyen-muc/{parent}?handler=Delete", new() { ["confirm"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal(["Không thể xóa chuyên mục còn chuyên mục con; hãy chuyển hoặc xóa các chuyên mục con trước."], await refused.ErrorsAsync());
        }

        using (var unconfirmed = await client.SubmitAsync($"/admin/chuyen-muc/{empty}?handler=Delete", []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
            Assert.Equal(["Hãy đánh dấu ô xác nhận trước khi xóa."], await unconfirmed.ErrorsAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri("/trong-rong", UriKind.Relative), Ct)).StatusCode);
        using var deleted = await client.SubmitAsync($"/admin/chuyen-muc/{empty}?handler=Delete", new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/admin/chuyen-muc?done=deleted", deleted.Location());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri("/trong-rong", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/admin/chuyen-muc/{empty}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal("Trống", (await LastAuditAsync(AuditActions.CategoryDeleted)).Summary);
    }

    [Theory]
    [InlineData("<script>alert('xss')</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("'';!--\"<XSS>=&{()}")]
    public async Task A_hostile_category_name_is_shown_as_text_on_public_pages(string hostile)
    {
        factory.RequireProvider();
        var slug = "doc-" + Guid.NewGuid().ToString("N")[..8];
        var client = await factory.SignedInAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(Create, new() { ["Name"] = hostile, ["Slug"] = slug, ["ShowInMenu"] = "true", ["Description"] = hostile })).StatusCode);
        foreach (var url in new[] { "/", "/" + slug })
        {
            var html = await factory.CreateClient().GetStringAsync(new Uri(url, UriKind.Relative), Ct);
            Inert.Assert(html, hostile);
        }

        Assert.Contains(hostile, MenuTexts(Html.Parse(await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative), Ct))));
    }

    [Fact]
    public async Task Handlers_find_categories_only_within_the_current_site()
    {
        factory.RequireProvider();
        var otherId = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = new Site { Key = "so-noi-vu-" + Guid.NewGuid().ToString("N")[..6], Name = "Sở Nội vụ", UpdatedAt = DateTime.UtcNow };
            db.Sites.Add(site);
            await db.SaveChangesAsync(Ct);
            var category = new Category { SiteId = site.Id, Name = "Tin sở", Slug = "tin-so", UpdatedAt = DateTime.UtcNow };
            db.Categories.Add(category);
            await db.SaveChangesAsync(Ct);
            return category.Id;
        });
        var client = await factory.SignedInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/admin/chuyen-muc/{otherId}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync($"/admin/chuyen-muc/{otherId}", new() { ["Name"] = "Đổi", ["Slug"] = "doi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync($"/admin/chuyen-muc/{otherId}?handler=Delete", new() { ["confirm"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync($"/admin/chuyen-muc?handler=Move&id={otherId}&direction=up", [])).StatusCode);
        using var foreignParent = await client.SubmitAsync(Create, new() { ["Name"] = "Con lạc", ["ParentId"] = otherId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, foreignParent.StatusCode);
        Assert.Equal(["Không tìm thấy chuyên mục cha."], await foreignParent.ErrorsAsync());
        Assert.Equal("Tin sở", await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.Where(c => c.Id == otherId).Select(c => c.Name).SingleAsync(Ct)));
    }

    private static async Task AssertMovedAsync(HttpClient reader, string from, string to)
    {
        using var response = await reader.GetAsync(new Uri(from, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"GET {from}: {(int)response.StatusCode}");
        Assert.Equal(to, response.Location());
    }

    private static List<string> MenuLinks(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("nav.main-nav a").Select(a => a.GetAttribute("href")!).Distinct()];

    private static List<string> MenuTexts(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("nav.main-nav a").Select(a => a.TextContent)];

    private Task<int> CountAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.CountAsync(Ct));

    private Task<int> IdOfAsync(string slug) => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(Ct));

    private Task<int?> ParentOfAsync(int id) => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.Where(c => c.Id == id).Select(c => c.ParentId).SingleAsync(Ct));

    private Task<AuditEntry> LastAuditAsync(string action) => factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
        .Where(a => a.Action == action).OrderByDescending(a => a.Id).FirstAsync(Ct));

    private Task<int> CreateAsync(string name, string slug, int? parentId = null) => factory.Services.AsAsync(Admin, async sp =>
    {
        var result = await sp.GetRequiredService<CreateCategory>().HandleAsync(new CreateCategory.Command(name, slug, parentId), Ct);
        Assert.True(result.Created, result.ProblemKey);
        return result.CategoryId!.Value;
    });

    private async Task<(int CategoryId, string ArticleUrl, int ArticleId)> CategoryWithArticleAsync(string name, string slug)
    {
        var categoryId = await CreateAsync(name, slug);
        var fields = await factory.Services.FieldsAsync("Bài trong " + name) with { CategoryId = categoryId };
        var id = (await factory.Services.CreateAsync(Writer, fields)).ArticleId!.Value;
        Assert.Equal(Sen.Web.Features.Newsroom.NewsroomOutcome.Done, (await factory.Services.SubmitAsync(Writer, id)).Outcome);
        Assert.Equal(Sen.Web.Features.Newsroom.NewsroomOutcome.Done, (await factory.Services.PublishAsync(Approver, id)).Outcome);
        var article = await factory.Services.ArticleAsync(id);
        return (categoryId, ArticleUrls.Article(slug, article.Slug, id), id);
    }
}

public sealed class SqliteCategoryManagementTests(SqliteAppFactory factory) : CategoryManagementTests<SqliteAppFactory>(factory);

public sealed class PostgresCategoryManagementTests(PostgresAppFactory factory) : CategoryManagementTests<PostgresAppFactory>(factory);
