using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Search;

/// <summary>
/// A quoted phrase lies within one field (title, author or number/symbol, lead, body) on both
/// backends: FTS5 matches phrases per column, and PostgreSQL's joined tsvector must not let a phrase
/// run from one field into the next.
/// </summary>
public abstract class SearchPhraseTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    [Theory]
    [InlineData("\"giống cây zelkova\"", 1)]
    [InlineData("zelkova quillon", 1)]
    [InlineData("\"zelkova quillon\"", 0)]
    [InlineData("\"trần brisket\"", 0)]
    [InlineData("\"vandalor pellucid\"", 0)]
    [InlineData("\"pellucid mọc\"", 1)]
    public async Task A_quoted_phrase_matches_within_one_field_never_across_two(string q, int expected)
    {
        factory.RequireProvider();
        await EnsureArticleAsync();
        var count = await factory.InScopeAsync(async sp =>
        {
            var filter = (await sp.GetRequiredService<SearchFilters>().ParseAsync(null, null, null, CancellationToken.None)).Filter;
            var result = await sp.GetRequiredService<SearchArticles>().HandleAsync(new SearchArticles.Query(SearchQuery.Parse(q), filter), CancellationToken.None);
            return result.TotalCount;
        });
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData("\"cây zelkova\"", 1)]
    [InlineData("\"zelkova quillon\"", 0)]
    [InlineData("\"zelkova quillon\" tr", 0)]
    public async Task Suggestions_match_a_quoted_phrase_within_the_title_or_the_author(string q, int expected)
    {
        factory.RequireProvider();
        await EnsureArticleAsync();
        var items = await factory.InScopeAsync(async sp =>
        {
            var filter = (await sp.GetRequiredService<SearchFilters>().ParseAsync(null, null, null, CancellationToken.None)).Filter;
            return await sp.GetRequiredService<SuggestSearch>().HandleAsync(q, filter, CancellationToken.None);
        });
        Assert.Equal(expected, items.Count);
    }

    // Title, author, lead and body each start and end with a word no other article has.
    private Task<int> EnsureArticleAsync() => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        if (await db.Articles.AnyAsync(a => a.Slug == "giong-cay-zelkova"))
        {
            return 0;
        }

        var site = await sp.GetRequiredService<SiteContext>().GetAsync();
        var category = await db.Categories.FirstAsync(c => c.SiteId == site.Id);
        db.Articles.Add(new Article
        {
            SiteId = site.Id,
            CategoryId = category.Id,
            Title = "Hội thảo giống cây Zelkova",
            Slug = "giong-cay-zelkova",
            AuthorName = "Quillon Trần",
            Lead = "Brisket là giống cây vandalor",
            BodyHtml = "<p>Pellucid mọc nhanh trên đất cát.</p>",
            Status = ArticleStatus.Published,
            PublishedAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1),
        });
        return await db.SaveChangesAsync();
    });
}

public sealed class SqliteSearchPhraseTests(SqliteAppFactory factory) : SearchPhraseTests<SqliteAppFactory>(factory);

public sealed class PostgresSearchPhraseTests(PostgresAppFactory factory) : SearchPhraseTests<PostgresAppFactory>(factory);
