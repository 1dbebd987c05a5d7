using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Tools.Generate;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.IntegrationTests.Generate;

public abstract class GenerateArticlesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const int Count = 500;

    [Fact]
    public async Task Generate_writes_published_nfc_articles_with_valid_slugs_and_the_same_seed_repeats_them()
    {
        factory.RequireProvider();
        var first = await GenerateAsync(seed: 42);
        var second = await GenerateAsync(seed: 42);

        Assert.Equal(Count, first.Count);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        foreach (var article in first)
        {
            Assert.Equal(ArticleStatus.Published, article.Status);
            Assert.InRange(article.PublishedAt!.Value, now.AddYears(-9), now);
            Assert.True(Slug.IsWellFormed(article.Slug), article.Slug);
            Assert.Equal(Slug.From(article.Title), article.Slug);
            foreach (var text in new[] { article.Title, article.Lead, article.BodyHtml, article.AuthorName, article.AuthorUnit })
            {
                Assert.False(string.IsNullOrWhiteSpace(text));
                Assert.True(text.IsNormalized(NormalizationForm.FormC), text);
            }

            Assert.StartsWith("<p>", article.BodyHtml, StringComparison.Ordinal);
        }

        Assert.True(first.Count(a => a.Category!.Slug is "tin-co-so" or "tin-tuc-su-kien") > Count * 8 / 10, "most articles go to the news tree");
        Assert.True(first.Select(a => a.Category!.Slug).Distinct().Count() >= 4, "articles are spread over categories");
        Assert.Equal(Key(first), Key(second));

        static IEnumerable<string> Key(IEnumerable<Article> articles) =>
            articles.Select(a => $"{a.CategoryId}|{a.Title}|{a.Lead}|{a.BodyHtml}|{a.PublishedAt:O}|{a.ViewCount}|{a.AuthorName}");
    }

    [Fact]
    public async Task Generated_articles_are_stored_sanitized_and_found_by_search_at_once()
    {
        factory.RequireProvider();
        var generated = await GenerateAsync(seed: 5);

        foreach (var article in generated)
        {
            Assert.Equal(SafeHtml.Sanitize(article.BodyHtml), article.BodyHtml);
        }

        var ids = generated.Select(a => (int?)a.Id).ToList();
        var indexed = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().SearchEntries
            .CountAsync(e => ids.Contains(e.ArticleId), TestContext.Current.CancellationToken));
        Assert.Equal(Count, indexed);

        var target = generated[^1];
        var document = await factory.CreateClient().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString($"\"{target.Title}\""));
        var hits = document.QuerySelectorAll(".search-hit h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(ArticleUrls.Article(target.Category!.Slug, target.Slug, target.Id), hits);
    }

    [Fact]
    public async Task Every_category_page_down_to_the_last_lists_the_right_articles_in_order()
    {
        factory.RequireProvider();
        await GenerateAsync(seed: 7);
        var expected = await ExpectedNewsTreeAsync();
        var pageCount = (expected.Count + 19) / 20;
        Assert.True(pageCount >= 20, $"only {pageCount} pages");

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var page in new[] { 1, 2, pageCount / 2, pageCount - 1, pageCount })
        {
            var document = await client.GetDocumentAsync($"/tin-tuc-su-kien?trang={page}");
            Assert.Equal(expected.Skip((page - 1) * 20).Take(20).ToArray(), Ids(document));
            Assert.Contains(expected.Count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), document.QuerySelector(".result-count").Text(), StringComparison.Ordinal);
        }

        await client.GetDocumentAsync($"/tin-tuc-su-kien?trang={pageCount + 1}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_article_and_a_scheduled_one_reach_page_one_of_a_listed_category_on_time()
    {
        factory.RequireProvider();
        await GenerateAsync(seed: 3);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetDocumentAsync("/tin-tuc-su-kien?trang=3");

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var fresh = await AddArticleAsync("Tin mới đăng", now.AddSeconds(-1));
        Assert.Equal(fresh, Ids(await client.GetDocumentAsync("/tin-tuc-su-kien"))[0]);

        var scheduled = await AddArticleAsync("Tin hẹn giờ đăng", now.AddMinutes(30));
        Assert.DoesNotContain(scheduled, Ids(await client.GetDocumentAsync("/tin-tuc-su-kien")));
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(scheduled, Ids(await client.GetDocumentAsync("/tin-tuc-su-kien"))[0]);
        Assert.Equal(await ExpectedNewsTreeAsync(), await AllIdsAsync(client));
    }

    [Fact]
    public async Task Taking_down_or_moving_a_listed_article_shows_at_once_on_its_category_pages()
    {
        factory.RequireProvider();
        await GenerateAsync(seed: 9);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = Ids(await client.GetDocumentAsync("/tin-tuc-su-kien?trang=4"));
        var target = before[5];

        await ChangeAsync(target, a => a.Status = ArticleStatus.Unpublished);
        var after = await ExpectedNewsTreeAsync();
        Assert.DoesNotContain(target, after);
        Assert.Equal(after.Skip(60).Take(20).ToArray(), Ids(await client.GetDocumentAsync("/tin-tuc-su-kien?trang=4")));

        await ChangeAsync(target, a => a.Status = ArticleStatus.Published);
        Assert.Equal(before, Ids(await client.GetDocumentAsync("/tin-tuc-su-kien?trang=4")));

        var other = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.Where(c => c.Slug == "xay-dung-dang").Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken));
        await ChangeAsync(target, a => a.CategoryId = other);
        Assert.DoesNotContain(target, Ids(await client.GetDocumentAsync("/tin-tuc-su-kien?trang=4")));
        Assert.Equal(await ExpectedNewsTreeAsync(), await AllIdsAsync(client));
    }

    private Task<int> ChangeAsync(int id, Action<Article> change) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var article = await db.Articles.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        change(article);
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    private static int[] Ids(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll(".article-list h2 a")
            .Select(a => ArticleUrls.TryParseSegment(a.GetAttribute("href")!.Split('/')[^1], out _, out var id) ? id : 0)
            .ToArray();

    private static async Task<List<int>> AllIdsAsync(HttpClient client)
    {
        var all = new List<int>();
        var first = await client.GetDocumentAsync("/tin-tuc-su-kien");
        var total = int.Parse(new string(first.QuerySelector(".result-count").Text().Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
        for (var page = 1; page <= (total + 19) / 20; page++)
        {
            all.AddRange(Ids(await client.GetDocumentAsync($"/tin-tuc-su-kien?trang={page}")));
        }

        return all;
    }

    private Task<List<Article>> GenerateAsync(int seed) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var site = await sp.GetRequiredService<SiteContext>().GetAsync(TestContext.Current.CancellationToken);
        var before = await db.Articles.MaxAsync(a => a.Id, TestContext.Current.CancellationToken);
        var result = await ActivatorUtilities.CreateInstance<GenerateArticles>(sp)
            .HandleAsync(new GenerateArticles.Command(site.Id, Count, seed), null, TestContext.Current.CancellationToken);
        Assert.Equal(Count, result.Inserted);
        return await db.Articles.AsNoTracking().Include(a => a.Category).Where(a => a.Id > before).OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    });

    private Task<List<int>> ExpectedNewsTreeAsync() => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return await db.Articles.Published(now)
            .Where(a => a.Category!.Slug == "tin-tuc-su-kien" || a.Category.Parent!.Slug == "tin-tuc-su-kien")
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    });

    private Task<int> AddArticleAsync(string title, DateTime publishedAt) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var site = await sp.GetRequiredService<SiteContext>().GetAsync(TestContext.Current.CancellationToken);
        var category = await db.Categories.SingleAsync(c => c.SiteId == site.Id && c.Slug == "tin-co-so", TestContext.Current.CancellationToken);
        var article = new Article
        {
            SiteId = site.Id,
            CategoryId = category.Id,
            Title = title,
            Slug = Slug.From(title),
            Status = ArticleStatus.Published,
            PublishedAt = publishedAt,
            CreatedAt = publishedAt,
            UpdatedAt = publishedAt,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return article.Id;
    });
}

public sealed class SqliteGenerateArticlesTests(SqliteAppFactory factory) : GenerateArticlesTests<SqliteAppFactory>(factory);

public sealed class PostgresGenerateArticlesTests(PostgresAppFactory factory) : GenerateArticlesTests<PostgresAppFactory>(factory);
