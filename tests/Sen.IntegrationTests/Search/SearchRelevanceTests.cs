using System.Globalization;
using System.Text;
using Sen.Web.Features.Articles;

namespace Sen.IntegrationTests.Search;

/// <summary>
/// The relevance suite: every query of Fixtures/queries.jsonl through the search page over HTTP.
/// P@1 = share of queries whose first result is one of its "top" articles; P@5 = per query, the
/// share of its "relevant" articles found in the first five results (out of at most five), averaged.
/// </summary>
public abstract class SearchRelevanceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    [Fact]
    public async Task Relevance_suite_reaches_precision_090_at_1_and_at_5()
    {
        factory.RequireProvider();
        var ids = await SearchCorpus.LoadAsync(factory);
        var client = factory.CreateClient();
        var queries = SearchCorpus.Queries();
        Assert.True(queries.Count >= 40);
        Assert.True(ids.Count(p => !p.Key.StartsWith("title:", StringComparison.Ordinal)) >= 200);

        double sumAt1 = 0, sumAt5 = 0;
        var report = new StringBuilder();
        var excludedFound = new List<string>();
        foreach (var query in queries)
        {
            var q = query.Nfd ? query.Q.Normalize(NormalizationForm.FormD) : query.Q;
            var document = await client.GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(q));
            var found = document.QuerySelectorAll(".search-results .search-hit h2 a")
                .Select(a => ArticleUrls.TryParseSegment(a.GetAttribute("href")!.Split('/')[^1], out _, out var id) ? id : 0)
                .ToList();
            var top = query.Top.Select(r => SearchCorpus.Resolve(ids, r)).ToHashSet();
            var relevant = query.Relevant.Select(r => SearchCorpus.Resolve(ids, r)).ToHashSet();
            var at1 = found.Count > 0 && top.Contains(found[0]) ? 1.0 : 0.0;
            var at5 = (double)found.Take(5).Count(relevant.Contains) / Math.Min(5, relevant.Count);
            sumAt1 += at1;
            sumAt5 += at5;
            foreach (var excluded in query.Excluded ?? [])
            {
                if (found.Contains(SearchCorpus.Resolve(ids, excluded)))
                {
                    excludedFound.Add($"{query.Q}: {excluded}");
                }
            }

            if (at1 < 1 || at5 < 1)
            {
                var names = ids.Where(p => !p.Key.StartsWith("title:", StringComparison.Ordinal)).GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key);
                report.AppendLine(CultureInfo.InvariantCulture, $"  miss: {query.Q}{(query.Nfd ? " (NFD)" : "")} P@1={at1:0.00} P@5={at5:0.00} got [{string.Join(", ", found.Take(5).Select(id => names.GetValueOrDefault(id, id.ToString(CultureInfo.InvariantCulture))))}]");
            }
        }

        var p1 = sumAt1 / queries.Count;
        var p5 = sumAt5 / queries.Count;
        TestContext.Current.TestOutputHelper?.WriteLine($"{factory.Provider}: {queries.Count} queries over {ids.Count(p => !p.Key.StartsWith("title:", StringComparison.Ordinal))} articles: P@1 = {p1:0.000}, P@5 = {p5:0.000}");
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.Empty(excludedFound);
        Assert.True(p1 >= 0.9, $"P@1 = {p1:0.000} < 0.9\n{report}");
        Assert.True(p5 >= 0.9, $"P@5 = {p5:0.000} < 0.9\n{report}");
    }
}

public sealed class SqliteSearchRelevanceTests(SqliteAppFactory factory) : SearchRelevanceTests<SqliteAppFactory>(factory);

public sealed class PostgresSearchRelevanceTests(PostgresAppFactory factory) : SearchRelevanceTests<PostgresAppFactory>(factory);
