using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Search;

/// <summary>The index follows every write made through the DbContext, in the same SaveChanges.</summary>
public abstract class SearchIndexSyncTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private async Task<List<string>> SearchAsync(string q)
    {
        var document = await factory.CreateClient().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(q));
        return document.QuerySelectorAll(".search-hit h2 a").Select(a => a.Text()).ToList();
    }

    private Task<int> AddAsync(string title, ArticleStatus status = ArticleStatus.Published, DateTime? publishedAt = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await sp.GetRequiredService<SiteContext>().GetAsync();
            var category = await db.Categories.FirstAsync(c => c.Slug == "xay-dung-dang");
            var article = new Article
            {
                SiteId = site.Id,
                CategoryId = category.Id,
                Title = title,
                Slug = Sen.Web.Text.Slug.From(title),
                Lead = "Tin thử nghiệm.",
                BodyHtml = "<p>Nội dung <strong>thử nghiệm</strong> đồng bộ chỉ mục.</p>",
                Status = status,
                PublishedAt = publishedAt ?? factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
                CreatedAt = factory.Clock.GetUtcNow().UtcDateTime,
                UpdatedAt = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });

    private Task<int> EditAsync(int id, Action<Article> change) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            change(await db.Articles.SingleAsync(a => a.Id == id));
            await db.SaveChangesAsync();
            return 0;
        });

    private Task<int> IndexRowsAsync(int articleId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().SearchEntries.CountAsync(e => e.ArticleId == articleId));

    [Fact]
    public async Task Publish_edit_unpublish_republish_and_delete_keep_the_index_in_step()
    {
        factory.RequireProvider();
        var id = await AddAsync("Hội nghị Zyxđồng lần thứ nhất");
        Assert.Equal(["Hội nghị Zyxđồng lần thứ nhất"], await SearchAsync("zyxdong"));

        await EditAsync(id, a => a.Title = "Hội nghị Qwvkhảo lần thứ hai");
        Assert.Empty(await SearchAsync("zyxdong"));
        Assert.Equal(["Hội nghị Qwvkhảo lần thứ hai"], await SearchAsync("qwvkhao"));

        await EditAsync(id, a => a.BodyHtml = "<p>Đoạn mới có từ Plomtrạch.</p>");
        Assert.Equal(["Hội nghị Qwvkhảo lần thứ hai"], await SearchAsync("plomtrach"));

        await EditAsync(id, a => a.Status = ArticleStatus.Unpublished);
        Assert.Empty(await SearchAsync("qwvkhao"));
        Assert.Equal(0, await IndexRowsAsync(id));

        await EditAsync(id, a => a.Status = ArticleStatus.Published);
        Assert.Equal(["Hội nghị Qwvkhảo lần thứ hai"], await SearchAsync("qwvkhao"));

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == id));
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await SearchAsync("qwvkhao"));
        Assert.Equal(0, await IndexRowsAsync(id));
    }

    [Fact]
    public async Task Drafts_are_not_found_and_scheduled_articles_appear_when_their_time_comes()
    {
        factory.RequireProvider();
        await AddAsync("Bản nháp Vrekhoản chưa duyệt", ArticleStatus.Draft);
        Assert.Empty(await SearchAsync("vrekhoan"));

        await AddAsync("Bài hẹn giờ Tjumbảng", publishedAt: factory.Clock.GetUtcNow().UtcDateTime.AddHours(2));
        Assert.Empty(await SearchAsync("tjumbang"));
        factory.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(["Bài hẹn giờ Tjumbảng"], await SearchAsync("tjumbang"));
    }

    [Fact]
    public async Task Index_rows_roll_back_with_the_article()
    {
        factory.RequireProvider();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await sp.GetRequiredService<SiteContext>().GetAsync();
            var category = await db.Categories.FirstAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Articles.Add(new Article
            {
                SiteId = site.Id,
                CategoryId = category.Id,
                Title = "Giao dịch hủy Krobđiền",
                Slug = "giao-dich-huy",
                Status = ArticleStatus.Published,
                PublishedAt = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
            });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.SearchEntries.CountAsync(e => e.TitleFolded.Contains("krobdien")));
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Empty(await SearchAsync("krobdien"));
    }

    [Fact]
    public async Task Rebuild_repairs_an_index_bypassed_by_bulk_updates()
    {
        factory.RequireProvider();
        var id = await AddAsync("Tin cũ Gnortiêu");
        await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Tin mới Hwelsoạn")));
        Assert.Empty(await SearchAsync("hwelsoan"));

        var count = await factory.InScopeAsync(sp => sp.GetRequiredService<RebuildSearchIndex>().HandleAsync(null, TestContext.Current.CancellationToken));
        Assert.True(count > 10);
        Assert.Equal(["Tin mới Hwelsoạn"], await SearchAsync("hwelsoan"));
        Assert.Empty(await SearchAsync("gnortieu"));
        Assert.Contains("Quế Sơn", (await SearchAsync("que son"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_content_is_indexed_on_seed()
    {
        factory.RequireProvider();
        var (entries, published) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            return (await db.SearchEntries.CountAsync(e => e.ArticleId <= 12), await db.Articles.CountAsync(a => a.Id <= 12 && a.Status == ArticleStatus.Published));
        });
        Assert.True(published >= 12);
        Assert.Equal(published, entries);
    }
}

public sealed class SqliteSearchIndexSyncTests(SqliteAppFactory factory) : SearchIndexSyncTests<SqliteAppFactory>(factory);

public sealed class PostgresSearchIndexSyncTests(PostgresAppFactory factory) : SearchIndexSyncTests<PostgresAppFactory>(factory);
