using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Search;

/// <summary>
/// Newest first among many matches: SQLite looks the newest entries up one by one when the matches look dense by entry id,
/// and falls back to the set of all matches when those entries hold too few. Imports make ids and dates disagree, so
/// here the densest matches by id are the oldest by date; every page must still be exactly the date order.
/// </summary>
public abstract class SearchNewestFirstTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    [Fact]
    public async Task Every_page_is_in_date_order_when_ids_and_dates_disagree()
    {
        factory.RequireProvider();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var siteId = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await sp.GetRequiredService<SiteContext>().GetAsync();
            var category = await db.Categories.FirstAsync(c => c.Slug == "tin-co-so");

            // By date: 15 matches, then 450 other articles, then 1,050 matches imported late (the highest ids). Within
            // each group the dates are shuffled against the ids.
            Add(db, site.Id, category.Id, "Bản tin khác", 450, i => now.AddMinutes(-20 - i));
            await db.SaveChangesAsync();
            Add(db, site.Id, category.Id, "Bản tin Plovatic", 1_050, i => now.AddDays(-30).AddMinutes(-(i * 37 % 1_050)));
            await db.SaveChangesAsync();
            Add(db, site.Id, category.Id, "Tin mới Plovatic", 15, i => now.AddMinutes(-(i * 7 % 15)));
            await db.SaveChangesAsync();
            return site.Id;
        });

        var expected = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().SearchEntries
            .Where(e => e.Title.Contains("Plovatic")).OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id)
            .Select(e => e.Id).ToListAsync());
        Assert.Equal(1_065, expected.Count);

        // The first page lies among the newest entries; the second does not; the later ones are beyond any walk.
        foreach (var offset in new[] { 0, 10, 20, 500, 1_050, 1_060 })
        {
            var page = await factory.InScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().FindAsync(
                SearchQuery.Parse("plovatic"), new SearchFilter(siteId, now), SearchOrder.Newest, offset, 10, titleOnly: false, CancellationToken.None));
            Assert.True(expected.Skip(offset).Take(10).SequenceEqual(page), $"offset {offset}: {string.Join(", ", page)}");
        }
    }

    private static void Add(SenDbContext db, int siteId, int categoryId, string title, int count, Func<int, DateTime> publishedAt)
    {
        for (var i = 0; i < count; i++)
        {
            var numbered = string.Create(CultureInfo.InvariantCulture, $"{title} {i}");
            db.Articles.Add(new Article
            {
                SiteId = siteId,
                CategoryId = categoryId,
                Title = numbered,
                Slug = Sen.Web.Text.Slug.From(numbered),
                BodyHtml = "<p>Nội dung.</p>",
                Status = ArticleStatus.Published,
                PublishedAt = publishedAt(i),
            });
        }
    }
}

public sealed class SqliteSearchNewestFirstTests(SqliteAppFactory factory) : SearchNewestFirstTests<SqliteAppFactory>(factory);

public sealed class PostgresSearchNewestFirstTests(PostgresAppFactory factory) : SearchNewestFirstTests<PostgresAppFactory>(factory);
