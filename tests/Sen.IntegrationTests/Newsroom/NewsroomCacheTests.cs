using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;
using static Sen.IntegrationTests.Newsroom.NewsroomActs;

namespace Sen.IntegrationTests.Newsroom;

/// <summary>Caches follow what readers see: newsroom work evicts nothing until it is published.</summary>
public abstract partial class NewsroomCacheTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_over_a_published_article_evicts_nothing_and_readers_keep_the_approved_copy_until_it_is_published()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(CountingOutputCacheStore.Decorate));
        var store = app.Services.GetRequiredService<CountingOutputCacheStore>();
        var article = await factory.PickAsync(4);
        var client = app.CreateClient();
        var pages = new[] { article.Url, "/", CategoryUrls.Category(article.CategorySlug) };
        var before = await ReadAsync(client, pages);
        var evicted = store.Evicted.Count;

        var revision = await app.Services.AsAsync(Approver, sp => sp.GetRequiredService<SenDbContext>().ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number).FirstAsync(Ct));
        var edited = ArticleFields.Of(revision) with { Title = "Tiêu đề mới chờ duyệt", BodyHtml = "<p>Nội dung mới chờ duyệt.</p>" };
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.SaveAsync(Approver, article.Id, revision.Number, edited)).Outcome);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.SubmitAsync(Approver, article.Id)).Outcome);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.ReturnAsync(OtherApprover, article.Id, "Sửa lại tiêu đề.")).Outcome);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.SaveAsync(Approver, article.Id, revision.Number + 1, edited with { Title = "Tiêu đề mới đã duyệt" })).Outcome);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.SubmitAsync(Approver, article.Id)).Outcome);

        Assert.Equal(evicted, store.Evicted.Count);
        Assert.Equal(before, await ReadAsync(client, pages));
        var stored = await app.Services.ArticleAsync(article.Id);
        Assert.Equal((article.Title, ArticleStatus.Published, ReviewState.Submitted), (stored.Title, stored.Status, stored.Review));

        Assert.Equal(NewsroomOutcome.Done, (await app.Services.PublishAsync(OtherApprover, article.Id)).Outcome);
        Assert.Contains(PublicCache.Tags.Article(article.Id), store.Evicted);
        var after = await client.GetDocumentAsync(article.Url);
        Assert.Equal("Tiêu đề mới đã duyệt", after.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Nội dung mới chờ duyệt.", after.QuerySelector(".article-body")!.TextContent.Trim());
        Assert.Contains(article.Url, Links(await client.GetDocumentAsync(CategoryUrls.Category(article.CategorySlug))));
    }

    [Fact]
    public async Task A_new_draft_evicts_nothing()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(CountingOutputCacheStore.Decorate));
        var store = app.Services.GetRequiredService<CountingOutputCacheStore>();
        await app.CreateClient().GetDocumentAsync("/");
        var evicted = store.Evicted.Count;

        var fields = await app.Services.FieldsAsync("Bản nháp không ai thấy");
        var id = (await app.Services.CreateAsync(Writer, fields)).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.SaveAsync(Writer, id, 1, fields with { Lead = "Tự lưu." })).Outcome);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.SubmitAsync(Writer, id)).Outcome);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.DeleteAsync(Writer, id)).Outcome);

        Assert.Equal(evicted, store.Evicted.Count);
    }

    [Fact]
    public async Task A_scheduled_article_is_not_public_before_its_time_and_is_on_the_home_page_right_after()
    {
        factory.RequireProvider();
        var client = factory.CreateClient();
        var id = (await factory.Services.CreateAsync(Writer, await factory.Services.FieldsAsync("Bài hẹn giờ xuất bản"))).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await factory.Services.SubmitAsync(Writer, id)).Outcome);
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        Assert.Equal(NewsroomOutcome.Done, (await factory.Services.PublishAsync(Approver, id, at)).Outcome);
        var url = ArticleUrls.Article("xay-dung-dang", (await factory.Services.ArticleAsync(id)).Slug, id);

        Assert.DoesNotContain(url, Links(await client.GetDocumentAsync("/")));
        await client.GetDocumentAsync(url, HttpStatusCode.NotFound);
        Assert.True(((await factory.Services.ArticleAsync(id)).PublishedAt!.Value - at).Duration() < TimeSpan.FromMilliseconds(1));

        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Contains(url, Links(await client.GetDocumentAsync("/")));
        Assert.Equal("Bài hẹn giờ xuất bản", (await client.GetDocumentAsync(url)).QuerySelector("h1")!.TextContent.Trim());
    }

    private static async Task<List<string>> ReadAsync(HttpClient client, string[] urls)
    {
        var pages = new List<string>();
        foreach (var url in urls)
        {
            // The view count is spliced into cached bytes on every request; everything else must be byte for byte the same.
            pages.Add(ViewCount().Replace(await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct), ""));
        }

        return pages;
    }

    private static List<string?> Links(AngleSharp.Dom.IDocument document) =>
        [.. document.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))];

    [GeneratedRegex(@"<span class=""view-count"">[\d.]+</span>")]
    private static partial Regex ViewCount();
}

public sealed class SqliteNewsroomCacheTests(SqliteAppFactory factory) : NewsroomCacheTests<SqliteAppFactory>(factory);

public sealed class PostgresNewsroomCacheTests(PostgresAppFactory factory) : NewsroomCacheTests<PostgresAppFactory>(factory);
