using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;

namespace Sen.IntegrationTests.Search;

/// <summary>
/// SQLite FTS5 and PostgreSQL tsvector, loaded with the same relevance corpus, answer every query of
/// the relevance suite alike: the same results in the same order, by relevance and newest first,
/// the same count, and the same suggestions for the query typed as a prefix. Results are compared
/// by corpus key (or title), not by database id.
/// </summary>
public sealed class SearchBackendParityTests(SqliteAppFactory sqlite, PostgresAppFactory postgres)
    : IClassFixture<SqliteAppFactory>, IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task Both_backends_return_the_same_ordered_results_for_every_relevance_query()
    {
        postgres.RequireProvider();
        var queries = SearchCorpus.Queries();
        var onSqlite = await AnswersAsync(sqlite, queries);
        var onPostgres = await AnswersAsync(postgres, queries);

        var differences = new StringBuilder();
        for (var i = 0; i < queries.Count; i++)
        {
            foreach (var (aspect, expected) in onSqlite[i])
            {
                var actual = onPostgres[i][aspect];
                if (expected != actual)
                {
                    differences.AppendLine(CultureInfo.InvariantCulture, $"{queries[i].Q}{(queries[i].Nfd ? " (NFD)" : "")} {aspect}:\n  SQLite:     {expected}\n  PostgreSQL: {actual}");
                }
            }
        }

        Assert.True(differences.Length == 0, "The backends disagree:\n" + differences);

        // Not vacuous: the suite's queries find things, several of them more than one page.
        Assert.All(onSqlite, a => Assert.NotEqual("", a["relevance"]));
        Assert.Contains(onSqlite, a => a["relevance"].Count(c => c == ',') >= SearchArticles.PageSize);
    }

    /// <summary>Per query, each aspect compared as one string of corpus keys (or a count).</summary>
    private static async Task<List<Dictionary<string, string>>> AnswersAsync(SenAppFactory factory, IReadOnlyList<SearchCorpus.Query> queries)
    {
        var ids = await SearchCorpus.LoadAsync(factory);
        var names = ids.Where(p => !p.Key.StartsWith("title:", StringComparison.Ordinal))
            .Concat(ids.Where(p => p.Key.StartsWith("title:", StringComparison.Ordinal)))
            .GroupBy(p => p.Value)
            .ToDictionary(g => g.Key, g => g.First().Key);
        string Names(IEnumerable<int?> articleIds) =>
            string.Join(", ", articleIds.Select(id => id is { } value ? names.GetValueOrDefault(value, "id:" + value.ToString(CultureInfo.InvariantCulture)) : "?"));

        return await factory.InScopeAsync(async sp =>
        {
            var search = sp.GetRequiredService<SearchArticles>();
            var suggest = sp.GetRequiredService<SuggestSearch>();
            var filter = (await sp.GetRequiredService<SearchFilters>().ParseAsync(null, null, null, CancellationToken.None)).Filter;
            var answers = new List<Dictionary<string, string>>();
            foreach (var query in queries)
            {
                var text = query.Nfd ? query.Q.Normalize(NormalizationForm.FormD) : query.Q;
                var parsed = SearchQuery.Parse(text);
                var relevance = await search.HandleAsync(new SearchArticles.Query(parsed, filter, PageSize: ISearchIndex.MaxRanked), CancellationToken.None);
                var newest = await search.HandleAsync(new SearchArticles.Query(parsed, filter, SearchOrder.Newest, PageSize: ISearchIndex.MaxRanked), CancellationToken.None);
                var suggestions = await suggest.HandleAsync(text, filter, CancellationToken.None);
                answers.Add(new Dictionary<string, string>
                {
                    ["count"] = relevance.TotalCount.ToString(CultureInfo.InvariantCulture),
                    ["relevance"] = Names(relevance.Hits.Select(h => h.ArticleId)),
                    ["newest"] = Names(newest.Hits.Select(h => h.ArticleId)),
                    ["suggestions"] = Names(suggestions.Select(s => ArticleUrls.TryParseSegment(s.Url.Split('/')[^1], out _, out var id) ? id : (int?)null)),
                });
            }

            return answers;
        });
    }
}
