using Microsoft.AspNetCore.Http.HttpResults;
using Sen.Web.Features.Documents;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Api;

/// <summary>
/// GET /api/v1/documents (the library /van-ban: same filters, sorting and pages) and GET /api/v1/documents/{slug or id}
/// with its files. Through the same handlers as the pages (ListDocuments, FindDocument), evicted by the same tag.
/// </summary>
public static class DocumentsApi
{
    public const string ListPath = "/documents";
    public const string DetailPath = "/documents/{slugOrId}";

    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet(ListPath, ListAsync)
            .WithName("ListDocuments")
            .WithMetadata(new ApiParameters(
            [
                new(DocumentFilter.KindKey, "string", Example: "ket-luan"),
                new(DocumentFilter.BodyKey, "string"),
                new(DocumentFilter.YearKey, "integer"),
                new(DocumentFilter.TermKey, "string", Example: "x"),
                new(DocumentFilter.SortKey, "string"),
                new(PageQuery.Parameter, "integer"),
            ]))
            .Produces<ApiPage<ApiDocumentSummary>>()
            .WithApiResponses()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(new ApiCachePolicy(PublicCache.Lifetime, DocumentFilter.QueryKeys));
        api.MapGet(DetailPath, DetailAsync)
            .WithName("GetDocument")
            .WithMetadata(new ApiParameters([new("slugOrId", "string", Required: true, Example: "ket-luan-62-kl-tw", InPath: true)]))
            .Produces<ApiDocument>()
            .WithApiResponses(badRequest: false)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(new ApiCachePolicy(PublicCache.Lifetime));
        return api;
    }

    private static async Task<Results<Ok<ApiPage<ApiDocumentSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ListDocuments list, CancellationToken cancellationToken)
    {
        if (!PageQuery.TryRead(http.Request, out var page))
        {
            return ApiProblems.BadRequest(http, "Error.BadPageNumber");
        }

        if (DocumentFilter.QueryKeys.Any(key => http.Request.Query[key].Count > 1))
        {
            return ApiProblems.BadRequest(http, "Api.RepeatedParameter");
        }

        var (filter, problem) = DocumentFilter.Read(http.Request.Query);
        if (filter is null)
        {
            return ApiProblems.BadRequest(http, problem!);
        }

        var result = await list.HandleAsync(new ListDocuments.Query(filter, page ?? 1), cancellationToken).ConfigureAwait(false);
        if (page > result.PageCount)
        {
            return ApiProblems.NotFound(http, "Api.PageNotFound");
        }

        PublicCache.Tag(http, PublicCache.Tags.Documents);
        return TypedResults.Ok(new ApiPage<ApiDocumentSummary>(
            result.Page, result.PageSize, result.TotalCount, result.PageCount, [.. result.Documents.Select(ApiDocumentSummary.From)]));
    }

    private static async Task<Results<Ok<ApiDocument>, ProblemHttpResult>> DetailAsync(
        HttpContext http, string slugOrId, FindDocument find, CancellationToken cancellationToken)
    {
        var found = slugOrId.Length is > 0 and <= 200 ? await find.HandleAsync(slugOrId, cancellationToken).ConfigureAwait(false) : null;
        if (found is null)
        {
            return ApiProblems.NotFound(http, "Api.DocumentNotFound");
        }

        PublicCache.Tag(http, PublicCache.Tags.Documents);
        return TypedResults.Ok(new ApiDocument(
            ApiDocumentSummary.From(found.Document),
            [.. found.Attachments.Select(a => new ApiDocumentFile(a.Id, a.FileName, a.Format, a.Length, a.Url))]));
    }
}

/// <summary>A document as the library lists it; Kind and Body are the URL keys of /van-ban's filters.</summary>
public sealed record ApiDocumentSummary(
    int Id,
    string Slug,
    string Number,
    string Kind,
    string Body,
    DateOnly IssuedOn,
    DateOnly? EffectiveOn,
    int? Term,
    string Summary,
    string Url)
{
    public static ApiDocumentSummary From(DocumentSummary d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Slug, d.Number, DocumentVocabulary.KindKeys[d.Kind], DocumentVocabulary.BodyKeys[d.Body], d.IssuedOn, d.EffectiveOn, d.Term, d.Summary, d.Url);
    }
}

/// <summary>A document with its files (each downloads from Url, with range requests).</summary>
public sealed record ApiDocument(ApiDocumentSummary Document, IReadOnlyList<ApiDocumentFile> Files);

public sealed record ApiDocumentFile(int Id, string FileName, string Format, long Length, string Url);
