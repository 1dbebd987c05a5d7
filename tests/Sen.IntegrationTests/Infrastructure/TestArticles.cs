using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Infrastructure;

public sealed record TestArticle(int Id, string Url, int CategoryId, string CategorySlug, string Title);

/// <summary>Picks seeded articles and reads their stored view counts, for tests that count and cache.</summary>
public static partial class TestArticles
{
    /// <summary>The published article at this position by id: tests of one class each take their own.</summary>
    public static Task<TestArticle> PickAsync(this SenAppFactory factory, int index) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var a = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published)
                .OrderBy(a => a.Id)
                .Skip(index)
                .Select(a => new { a.Id, a.Slug, a.CategoryId, CategorySlug = a.Category!.Slug, a.Title })
                .FirstAsync(TestContext.Current.CancellationToken);
            return new TestArticle(a.Id, ArticleUrls.Article(a.CategorySlug, a.Slug, a.Id), a.CategoryId, a.CategorySlug, a.Title);
        });

    public static Task<long> StoredViewsAsync(this SenAppFactory factory, int articleId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Id == articleId).Select(a => a.ViewCount).SingleAsync(TestContext.Current.CancellationToken));

    public static Task<long> StoredDailyViewsAsync(this SenAppFactory factory, int articleId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().ArticleViewsDaily
            .Where(v => v.ArticleId == articleId).SumAsync(v => v.Views, TestContext.Current.CancellationToken));

    public static Task<long> FlushViewsAsync(this IServiceProvider services) =>
        services.GetRequiredService<ViewCounter>().FlushAsync(TestContext.Current.CancellationToken);

    /// <summary>The number after "Lượt xem:" on an article page.</summary>
    public static long ShownViews(string html)
    {
        var match = ViewsPattern().Match(html);
        Assert.True(match.Success, "The page shows no view count.");
        return long.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"<span class=""view-count"">([\d.]+)</span>")]
    private static partial Regex ViewsPattern();
}
