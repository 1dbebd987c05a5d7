using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Search;

/// <summary>Suggestions come from the output cache, per typed text, until an article write evicts them.</summary>
public abstract class SearchSuggestionCacheTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Suggestions_come_from_the_cache_until_publishing_a_matching_article_evicts_them()
    {
        factory.RequireProvider();
        var client = factory.CreateClient();
        var typed = "Quế Sơn hội ng";
        var first = await SuggestAsync(client, typed);
        Assert.NotEmpty(first);
        var (title, url) = first[0];
        Assert.True(ArticleUrls.TryParseSegment(url.Split('/')[^1], out _, out var id));

        // Written behind the app's back (no eviction): the same text, in NFC or NFD, with or without
        // other parameters, still gets the cached answer.
        await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().SearchEntries
            .Where(e => e.ArticleId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, "Tiêu đề đổi ngầm"), Ct));
        Assert.Equal(first, await SuggestAsync(client, typed));
        Assert.Equal(first, await SuggestAsync(client, typed.Normalize(NormalizationForm.FormD)));
        Assert.Equal(first, await SuggestAsync(client, typed, "&v=2"));

        // Another text is another entry, computed now.
        Assert.Contains(("Tiêu đề đổi ngầm", url), await SuggestAsync(client, "Quế Sơn hội"));

        var published = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var category = await db.Categories.FirstAsync(c => c.Slug == "tin-co-so", Ct);
            var article = new Article
            {
                SiteId = category.SiteId,
                CategoryId = category.Id,
                Title = "Quế Sơn hội ngộ cựu chiến binh",
                Slug = "que-son-hoi-ngo-cuu-chien-binh",
                BodyHtml = "<p>Nội dung.</p>",
                Status = ArticleStatus.Draft,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync(Ct);
            Assert.Equal(NewsroomOutcome.Done, (await sp.PublishAsync(article.Id)).Outcome);
            return ArticleUrls.Article(category.Slug, article.Slug, article.Id);
        });

        var after = await SuggestAsync(client, typed);
        Assert.Contains(("Quế Sơn hội ngộ cựu chiến binh", published), after);
        Assert.Contains(("Tiêu đề đổi ngầm", url), after);
    }

    private static async Task<List<(string Title, string Url)>> SuggestAsync(HttpClient client, string q, string more = "")
    {
        using var response = await client.GetAsync(new Uri("/api/v1/search/suggest?q=" + Uri.EscapeDataString(q) + more, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(q.Normalize(NormalizationForm.FormC), json.RootElement.GetProperty("query").GetString());
        return json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("title").GetString()!, i.GetProperty("url").GetString()!))
            .ToList();
    }
}

public sealed class SqliteSearchSuggestionCacheTests(SqliteAppFactory factory) : SearchSuggestionCacheTests<SqliteAppFactory>(factory);

public sealed class PostgresSearchSuggestionCacheTests(PostgresAppFactory factory) : SearchSuggestionCacheTests<PostgresAppFactory>(factory);
