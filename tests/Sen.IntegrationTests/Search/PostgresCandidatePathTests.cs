using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Search;

/// <summary>
/// PostgreSQL finds relevance candidates two ways, by the planner's estimate of the matches: a sparse query through
/// the GIN index and a top-N sort, a dense one by walking the key. Both must give the newest matches that pass the filters,
/// and a first results page, which counts the matches through its candidates, must count as the count query does.
/// </summary>
public sealed class PostgresCandidatePathTests(PostgresAppFactory factory) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task Sparse_and_dense_queries_each_take_their_path_and_both_give_the_newest_matches()
    {
        factory.RequireProvider();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await sp.GetRequiredService<SiteContext>().GetAsync();
            var category = await db.Categories.FirstAsync(c => c.Slug == "tin-co-so");
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 400; i++)
            {
                // Every article says "Omnivex"; one in forty also says "Rarquill".
                var rare = i % 40 == 0 ? " Rarquill" : "";
                db.Articles.Add(new Article
                {
                    SiteId = site.Id,
                    CategoryId = category.Id,
                    Title = string.Create(CultureInfo.InvariantCulture, $"Bản tin Omnivex {i}{rare}"),
                    Slug = "ban-tin-omnivex-" + i.ToString(CultureInfo.InvariantCulture),
                    BodyHtml = "<p>Nội dung.</p>",
                    Status = ArticleStatus.Published,
                    PublishedAt = now.AddMinutes(-i),
                });
            }

            await db.SaveChangesAsync();

            // The planner's statistics, as autovacuum keeps them on a live site.
            return await db.Database.ExecuteSqlRawAsync("""ANALYZE "SearchEntries" """);
        });

        foreach (var (word, sparse) in new[] { ("rarquill", true), ("omnivex", false) })
        {
            var (tookSparse, candidates, expected, counted, firstPage) = await factory.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SenDbContext>();
                var filter = (await sp.GetRequiredService<SearchFilters>().ParseAsync(null, null, null, CancellationToken.None)).Filter;
                var query = SearchQuery.Parse(word);
                var index = Assert.IsType<PostgresSearchIndex>(sp.GetRequiredService<ISearchIndex>());
                var took = await index.TakesSparsePathAsync(query, filter, CancellationToken.None);
                var found = await index.CandidatesAsync(query, filter, titleOnly: false, CancellationToken.None);
                var count = await index.CountAsync(query, filter, CancellationToken.None);
                var page = await index.CountAndCandidatesAsync(query, filter, CancellationToken.None);
                var all = await db.SearchEntries.Where(e => e.Title.Contains(word == "rarquill" ? "Rarquill" : "Omnivex") && e.PublishedAt <= filter.NowUtc)
                    .OrderByDescending(e => e.Id).Select(e => e.Id).Take(ISearchIndex.MaxRanked).ToListAsync();
                return (took, found.Select(f => f.EntryId).ToList(), all, count, page);
            });

            Assert.True(sparse == tookSparse, $"{word}: sparse path {tookSparse}, expected {sparse}");
            Assert.Equal(expected, candidates);
            Assert.Equal(expected.Count, counted);
            Assert.Equal(counted, firstPage.Total);
            Assert.Equal(expected, firstPage.Rows.Select(f => f.EntryId));
        }
    }
}
