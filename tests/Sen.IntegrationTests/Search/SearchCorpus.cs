using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.IntegrationTests.Search;

/// <summary>The relevance fixture: 210 articles (tools/search-corpus.py) and the queries with their expected results.</summary>
public static class SearchCorpus
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public sealed record Entry(string Key, string Category, string Date, string Title, string Lead, string Body, string Author);

    public sealed record Query(string Q, [property: JsonPropertyName("nfd")] bool Nfd, IReadOnlyList<string> Top, IReadOnlyList<string> Relevant, IReadOnlyList<string>? Excluded);

    public static IReadOnlyList<Entry> Entries() => Read<Entry>("corpus.jsonl");

    public static IReadOnlyList<Query> Queries() => Read<Query>("queries.jsonl");

    /// <summary>Adds the corpus through the DbContext (so the index is kept by the SaveChanges hook) and returns article ids by key ("seed" is the seed article).</summary>
    public static async Task<Dictionary<string, int>> LoadAsync(SenAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var site = await sp.GetRequiredService<SiteContext>().GetAsync();
            var categories = await db.Categories.Where(c => c.SiteId == site.Id).ToDictionaryAsync(c => c.Slug, c => c.Id);
            var articles = new Dictionary<string, Article>();
            foreach (var e in Entries())
            {
                var article = new Article
                {
                    SiteId = site.Id,
                    CategoryId = categories[e.Category],
                    Title = e.Title,
                    Slug = Slug.From(e.Title),
                    Lead = e.Lead,
                    BodyHtml = SafeHtml.Sanitize(e.Body),
                    AuthorName = e.Author,
                    Status = ArticleStatus.Published,
                    PublishedAt = VietnamTime.ToUtc(DateTime.ParseExact(e.Date, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                    CreatedAt = DateTime.UtcNow,
                    UpdatedAt = DateTime.UtcNow,
                };
                db.Articles.Add(article);
                articles[e.Key] = article;
            }

            await db.SaveChangesAsync();
            var ids = articles.ToDictionary(a => a.Key, a => a.Value.Id);
            ids["seed"] = 1;
            foreach (var title in await db.Articles.Select(a => new { a.Id, a.Title }).ToListAsync())
            {
                ids["title:" + title.Title] = title.Id;
            }

            return ids;
        });
    }

    /// <summary>Resolves "seed", a corpus key or "title:" followed by the start of a title.</summary>
    public static int Resolve(Dictionary<string, int> ids, string reference)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(reference);
        if (ids.TryGetValue(reference, out var id))
        {
            return id;
        }

        var match = ids.Where(p => reference.StartsWith("title:", StringComparison.Ordinal) && p.Key.StartsWith(reference, StringComparison.Ordinal)).ToList();
        Assert.True(match.Count == 1, $"Reference '{reference}' names {match.Count} articles");
        return match[0].Value;
    }

    private static List<T> Read<T>(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Search", "Fixtures", name);
        return File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<T>(l, Json)!).ToList();
    }
}
