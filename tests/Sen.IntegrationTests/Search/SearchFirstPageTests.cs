using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Search;

/// <summary>
/// A first results page counts and picks its candidates in fewer walks of the index than <see cref="ISearchIndex.CountAsync"/>
/// and <see cref="ISearchIndex.CandidatesAsync"/> together, and must give exactly what they give: with fewer and more matches
/// than the backend ranks, with filters that drop some of the newest matches, and with none.
/// </summary>
public abstract class SearchFirstPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const int Articles = ISearchIndex.MaxRanked + 40;
    private const int Scheduled = 30;

    [Fact]
    public async Task The_first_page_counts_and_picks_as_the_count_and_the_candidates_do()
    {
        factory.RequireProvider();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (siteId, categories) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await sp.GetRequiredService<SiteContext>().GetAsync();
            var ids = await db.Categories.Where(c => c.Slug == "tin-co-so" || c.Slug == "xay-dung-dang").Select(c => c.Id).ToListAsync();
            for (var i = 0; i < Articles; i++)
            {
                // Every article says "Quorvex", one in nine also "Zentrik"; the newest ones are scheduled for tomorrow,
                // so the filters drop some of the newest matches.
                var rare = i % 9 == 0 ? " Zentrik" : "";
                db.Articles.Add(new Article
                {
                    SiteId = site.Id,
                    CategoryId = ids[i % 2],
                    Title = string.Create(CultureInfo.InvariantCulture, $"Bản tin Quorvex {i}{rare}"),
                    Slug = "ban-tin-quorvex-" + i.ToString(CultureInfo.InvariantCulture),
                    BodyHtml = "<p>Nội dung.</p>",
                    Status = ArticleStatus.Published,
                    PublishedAt = i >= Articles - Scheduled ? now.AddDays(1) : now.AddMinutes(-Articles + i),
                });
            }

            await db.SaveChangesAsync();
            return (site.Id, ids);
        });

        var filters = new (string Name, SearchFilter Filter)[]
        {
            ("published", new SearchFilter(siteId, now)),
            ("one category", new SearchFilter(siteId, now, CategoryIds: [categories[0]])),
            ("the last 100 minutes", new SearchFilter(siteId, now, FromUtc: now.AddMinutes(-100.5))),
            ("no category", new SearchFilter(siteId, now, CategoryIds: [])),
        };
        var published = 0;
        foreach (var word in new[] { "quorvex", "zentrik", "vexorian" })
        {
            foreach (var (name, filter) in filters)
            {
                var (count, candidates, firstPage, expected) = await factory.InScopeAsync(async sp =>
                {
                    var index = sp.GetRequiredService<ISearchIndex>();
                    var query = SearchQuery.Parse(word);
                    var count = await index.CountAsync(query, filter, CancellationToken.None);
                    var candidates = await index.CandidatesAsync(query, filter, titleOnly: false, CancellationToken.None);
                    var firstPage = await index.CountAndCandidatesAsync(query, filter, CancellationToken.None);
                    var titled = char.ToUpperInvariant(word[0]) + word[1..];
                    var matches = await sp.GetRequiredService<SenDbContext>().SearchEntries.Where(e => e.Title.Contains(titled))
                        .OrderByDescending(e => e.Id).Select(e => new { e.Id, e.SiteId, e.PublishedAt, e.CategoryId }).ToListAsync();
                    var passing = (Func<int, DateTime, int?, bool>)((site, at, category) => site == filter.SiteId && at <= filter.NowUtc
                        && (filter.FromUtc is null || at >= filter.FromUtc) && (filter.CategoryIds is null || filter.CategoryIds.Contains(category ?? 0)));

                    // SQLite ranks those of the newest 1,000 matches that pass the filters; PostgreSQL the newest 1,000 of the
                    // matches that pass them (src/Sen.Web/Features/Search/README.md).
                    var expected = index is SqliteSearchIndex
                        ? matches.Take(ISearchIndex.MaxRanked).Where(m => passing(m.SiteId, m.PublishedAt, m.CategoryId)).Select(m => m.Id).ToList()
                        : matches.Where(m => passing(m.SiteId, m.PublishedAt, m.CategoryId)).Take(ISearchIndex.MaxRanked).Select(m => m.Id).ToList();
                    return (count, candidates, firstPage, expected);
                });

                Assert.True(count == firstPage.Total, $"{word}, {name}: the first page counted {firstPage.Total}, the count query {count}");
                Assert.True(expected.SequenceEqual(candidates.Select(c => c.EntryId)), $"{word}, {name}: expected {expected.Count} candidates from {expected.FirstOrDefault()} to {expected.LastOrDefault()}, got {candidates.Count}");
                Assert.Equal(candidates, firstPage.Rows);
                if (word == "quorvex" && name == "published")
                {
                    published = count;
                }
            }
        }

        // The case that counts past the ranked matches and stops at the cap: 1,010 published, shown as "more than 1,000".
        Assert.Equal(ISearchIndex.MaxCount + 1, published);
    }
}

public sealed class SqliteSearchFirstPageTests(SqliteAppFactory factory) : SearchFirstPageTests<SqliteAppFactory>(factory);

public sealed class PostgresSearchFirstPageTests(PostgresAppFactory factory) : SearchFirstPageTests<PostgresAppFactory>(factory);
