using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

[CountsViews]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ArticlePageModel(SenDbContext db, SiteContext siteContext, TimeProvider clock) : PageModel
{
    private const int OtherArticlesCount = 8;

    public ArticleView Article { get; private set; } = null!;

    public IReadOnlyList<Breadcrumb> Breadcrumbs { get; private set; } = [];

    public IReadOnlyList<ArticleSummary> OtherArticles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string categorySlug, string articleSegment, CancellationToken cancellationToken)
    {
        if (!ArticleUrls.TryParseSegment(articleSegment, out var slug, out var id))
        {
            return NotFound();
        }

        var site = await siteContext.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id && a.SiteId == site.Id)
            .Published(now)
            .Select(a => new ArticleView(
                a.Id, a.Title, a.Slug, a.Lead, a.BodyHtml, a.CoverImageUrl, a.CoverCaption,
                a.AuthorName, a.AuthorUnit, a.PublishedAt!.Value, a.ViewCount, a.CategoryId, a.Category!.Slug, a.Category.Name, a.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (article.Slug != slug || article.CategorySlug != categorySlug)
        {
            return RedirectPermanent(article.Url);
        }

        Article = article;

        // "Other articles" lists the category's articles, so edits there change this page too.
        PublicCache.Tag(HttpContext, PublicCache.Tags.Article(article.Id), PublicCache.Tags.Category(article.CategoryId));
        Breadcrumbs = await CategoryTrail.LoadAsync(db, article.CategoryId, cancellationToken);
        OtherArticles = await OtherArticlesAsync(db, article, now, cancellationToken);
        return Page();
    }

    /// <summary>The category's latest other public articles, listed under the article (also in the newsroom's preview).</summary>
    public static async Task<IReadOnlyList<ArticleSummary>> OtherArticlesAsync(SenDbContext db, ArticleView article, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        return await db.Articles.AsNoTracking()
            .Where(a => a.CategoryId == article.CategoryId && a.Id != article.Id)
            .Published(now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(OtherArticlesCount)
            .Select(a => new ArticleSummary(a.Id, a.Title, a.Slug, a.Lead, a.CoverImageUrl, article.CategorySlug, article.CategoryName, a.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
    }
}

public sealed record ArticleView(
    int Id,
    string Title,
    string Slug,
    string Lead,
    string BodyHtml,
    string? CoverImageUrl,
    string? CoverCaption,
    string AuthorName,
    string AuthorUnit,
    DateTime PublishedAt,
    long ViewCount,
    int CategoryId,
    string CategorySlug,
    string CategoryName,
    DateTime? ModifiedAt = null)
{
    public string Url => ArticleUrls.Article(CategorySlug, Slug, Id);

    public string AuthorLine => string.IsNullOrWhiteSpace(AuthorUnit) ? AuthorName : $"{AuthorName} - {AuthorUnit}";
}

/// <summary>What _Article.cshtml shows: the article with its breadcrumbs and the category's other articles.</summary>
/// <paramref name="LiveViewCount"/>: the count is spliced in per request by the view counter (public pages);
/// otherwise the stored count is written as it is (the newsroom's preview, which counts no view).
public sealed record ArticleContent(
    ArticleView Article, IReadOnlyList<Breadcrumb> Breadcrumbs, IReadOnlyList<ArticleSummary> OtherArticles, bool LiveViewCount = true);
