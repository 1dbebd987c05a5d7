using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Search;

/// <summary>Queries matching more than <see cref="ISearchIndex.MaxRanked"/> articles take the bounded paths.</summary>
public abstract class SearchManyMatchesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    [Fact]
    public async Task Vague_queries_count_up_to_the_cap_and_newest_first_is_exact()
    {
        factory.RequireProvider();
        var count = ISearchIndex.MaxRanked + 100;
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await sp.GetRequiredService<SiteContext>().GetAsync();
            var category = await db.Categories.FirstAsync(c => c.Slug == "tin-co-so");
            var random = new Random(7);
            for (var i = 0; i < count; i++)
            {
                // Ids and dates disagree on purpose: imports bring old articles in late.
                var title = string.Create(CultureInfo.InvariantCulture, $"Bản tin Xylomba số {i}");
                db.Articles.Add(new Article
                {
                    SiteId = site.Id,
                    CategoryId = category.Id,
                    Title = title,
                    Slug = "ban-tin-xylomba-" + i.ToString(CultureInfo.InvariantCulture),
                    BodyHtml = "<p>Nội dung bản tin Xylomba.</p>",
                    Status = ArticleStatus.Published,
                    PublishedAt = now.AddMinutes(-random.Next(1, 5_000_000)),
                });
            }

            return await db.SaveChangesAsync();
        });

        var expectedNewest = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Title.StartsWith("Bản tin Xylomba"))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Title).Take(20).ToListAsync());

        var client = factory.CreateClient();
        var relevance = await client.GetDocumentAsync("/tim-kiem?q=xylomba");
        Assert.Contains("hơn 1.000 kết quả", relevance.QuerySelector(".result-count").Text(), StringComparison.Ordinal);
        Assert.Equal(10, relevance.QuerySelectorAll(".search-hit").Length);
        Assert.Equal("/tim-kiem?q=xylomba&trang=100", relevance.QuerySelectorAll(".pager a").Last(a => a.GetAttribute("rel") is null).GetAttribute("href"));

        var newest = await client.GetDocumentAsync("/tim-kiem?q=xylomba&sap-xep=moi-nhat");
        Assert.Equal(expectedNewest.Take(10), newest.QuerySelectorAll(".search-hit h2 a").Select(a => a.Text()));
        var second = await client.GetDocumentAsync("/tim-kiem?q=xylomba&sap-xep=moi-nhat&trang=2");
        Assert.Equal(expectedNewest.Skip(10), second.QuerySelectorAll(".search-hit h2 a").Select(a => a.Text()));

        var filtered = await client.GetDocumentAsync("/tim-kiem?q=xylomba&sap-xep=moi-nhat&chuyen-muc=xay-dung-dang");
        Assert.Empty(filtered.QuerySelectorAll(".search-hit"));
    }
}

public sealed class SqliteSearchManyMatchesTests(SqliteAppFactory factory) : SearchManyMatchesTests<SqliteAppFactory>(factory);

public sealed class PostgresSearchManyMatchesTests(PostgresAppFactory factory) : SearchManyMatchesTests<PostgresAppFactory>(factory);
