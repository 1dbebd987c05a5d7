using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Api;

/// <summary>GET /api/v1/articles (a page of published articles, newest first) and GET /api/v1/articles/{id}.</summary>
public static class ArticlesApi
{
    public const string ListPath = "/articles";
    public const string DetailPath = "/articles/{id}";

    public static RouteGroupBuilder MapArticlesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet(ListPath, ListAsync)
            .WithName("ListArticles")
            .WithMetadata(new ApiParameters(
            [
                new(PageQuery.Parameter, "integer", Example: "1"),
                new(ApiQuery.PageSizeParameter, "integer", Example: "5"),
                new(ApiQuery.CategoryParameter, "string"),
                new(ApiQuery.FromParameter, "string", "date"),
                new(ApiQuery.ToParameter, "string", "date"),
            ]))
            .Produces<ApiPage<ApiArticleSummary>>()
            .WithApiResponses()
            .CacheOutput(new ApiCachePolicy(PublicCache.Lifetime, PageQuery.Parameter, ApiQuery.PageSizeParameter, ApiQuery.CategoryParameter, ApiQuery.FromParameter, ApiQuery.ToParameter));
        api.MapGet(DetailPath, DetailAsync)
            .WithName("GetArticle")
            .WithMetadata(new ApiParameters([new("id", "integer", Required: true, Example: "1", InPath: true)]))
            .Produces<ApiArticle>()
            .WithApiResponses()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(new ApiCachePolicy(PublicCache.Lifetime));
        return api;
    }

    private static async Task<Results<Ok<ApiPage<ApiArticleSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, SenDbContext db, SearchFilters filters, PublicBaseUrl publicUrl, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!PageQuery.TryRead(request, out var pageNumber))
        {
            return ApiProblems.BadRequest(http, "Error.BadPageNumber");
        }

        if (!ApiQuery.TryRead(request, ApiQuery.PageSizeParameter, out var sizeText) || !ApiQuery.TryPageSize(sizeText, out var size))
        {
            return ApiProblems.BadRequest(http, "Api.BadPageSize");
        }

        if (!ApiQuery.TryRead(request, ApiQuery.CategoryParameter, out var category)
            || !ApiQuery.TryRead(request, ApiQuery.FromParameter, out var from)
            || !ApiQuery.TryRead(request, ApiQuery.ToParameter, out var to))
        {
            return ApiProblems.BadRequest(http, "Api.RepeatedParameter");
        }

        var (filter, problem) = await ApiFilters.ReadAsync(http, filters, category, from, to, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var page = pageNumber ?? 1;
        var siteFilter = filter!;
        var siteId = siteFilter.SiteId;
        var articles = db.Articles.AsNoTracking().Where(a => a.SiteId == siteId).Published(siteFilter.NowUtc);
        if (siteFilter.CategoryIds is { } ids)
        {
            articles = articles.Where(a => ids.Contains(a.CategoryId));
        }

        if (siteFilter.FromUtc is { } start)
        {
            articles = articles.Where(a => a.PublishedAt >= start);
        }

        if (siteFilter.ToUtc is { } end)
        {
            articles = articles.Where(a => a.PublishedAt < end);
        }

        var total = await articles.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await articles
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * size)).Take(size)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Lead, a.CoverImageUrl, a.PublishedAt, a.CategoryId, CategorySlug = a.Category!.Slug, CategoryName = a.Category.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Every article write evicts the home tag; category renames evict the chrome every answer carries.
        PublicCache.Tag(http, PublicCache.Tags.Home);
        var items = rows.Select(r =>
        {
            var url = ArticleUrls.Article(r.CategorySlug, r.Slug, r.Id);
            return new ApiArticleSummary(
                r.Id, r.Title, r.Lead, url, publicUrl.AbsoluteWhenConfigured(url), r.CoverImageUrl,
                new ApiCategoryRef(r.CategoryId, r.CategorySlug, r.CategoryName, CategoryUrls.Category(r.CategorySlug)),
                ApiTime.Vietnam(r.PublishedAt!.Value));
        }).ToList();
        return TypedResults.Ok(new ApiPage<ApiArticleSummary>(page, size, total, Math.Max(1, (total + size - 1) / size), items));
    }

    private static async Task<Results<Ok<ApiArticle>, ProblemHttpResult>> DetailAsync(
        HttpContext http, string id, SenDbContext db, SiteContext siteContext, TimeProvider clock, PublicBaseUrl publicUrl, CancellationToken cancellationToken)
    {
        if (!ApiQuery.TryId(id, out var articleId))
        {
            return ApiProblems.BadRequest(http, "Api.BadId");
        }

        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var a = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.SiteId == site.Id)
            .Published(now)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Slug,
                a.Lead,
                a.BodyHtml,
                a.CoverImageUrl,
                a.CoverCaption,
                a.AuthorName,
                a.AuthorUnit,
                a.PublishedAt,
                a.CategoryId,
                CategorySlug = a.Category!.Slug,
                CategoryName = a.Category.Name,
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (a is null)
        {
            return ApiProblems.NotFound(http, "Api.ArticleNotFound");
        }

        PublicCache.Tag(http, PublicCache.Tags.Article(a.Id), PublicCache.Tags.Category(a.CategoryId));
        var url = ArticleUrls.Article(a.CategorySlug, a.Slug, a.Id);
        return TypedResults.Ok(new ApiArticle(
            a.Id, a.Title, a.Lead, a.BodyHtml, url, publicUrl.AbsoluteWhenConfigured(url),
            string.IsNullOrEmpty(a.CoverImageUrl) ? null : new ApiCover(a.CoverImageUrl, a.CoverCaption),
            new ApiAuthor(a.AuthorName, a.AuthorUnit),
            new ApiCategoryRef(a.CategoryId, a.CategorySlug, a.CategoryName, CategoryUrls.Category(a.CategorySlug)),
            ApiTime.Vietnam(a.PublishedAt!.Value)));
    }
}
