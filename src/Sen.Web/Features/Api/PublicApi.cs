using System.Text.Encodings.Web;
using System.Text.Unicode;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Api;

/// <summary>
/// The public JSON API under /api/v1 (docs/API.md): read-only, published content of the request's site,
/// cached and evicted like the pages, with ETags, configurable CORS, a per-client rate limit, Vietnamese
/// problem details, and its OpenAPI document at /openapi/v1.json. A new feature adds its endpoints to the
/// group in <see cref="MapPublicApi"/> (and a row in the endpoint matrix); all of this then applies to them.
/// </summary>
public static class PublicApi
{
    public const string Prefix = "/api/v1";
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string DocumentUrl = "/openapi/v1.json";

    public static IServiceCollection AddPublicApi(this IServiceCollection services)
    {
        services.AddApiCors();
        services.AddApiRateLimits();

        // Vietnamese letters as they are, not as \u escapes (HTML-sensitive characters stay escaped).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(Prefix[1..] + "/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ApiDocumentTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix)
            .RequireRateLimiting(ApiRateLimits.Policy)
            .RequireCors(ApiCors.Policy)
            .WithMetadata(PublicApiMetadata.Instance);
        api.MapArticlesApi().MapCategoriesApi().MapSearchEndpoint().MapDocumentsApi().MapPollsApi();

        app.MapOpenApi(DocumentPath)
            .RequireRateLimiting(ApiRateLimits.Policy)
            .RequireCors(ApiCors.Policy)
            .WithMetadata(PublicApiMetadata.Instance)
            .CacheOutput(new ApiCachePolicy(PublicCache.Lifetime));

        // Anything else under /api answers as an API does, not with the HTML status page.
        app.Map("/api/{**rest}", (HttpContext http) => ApiProblems.NotFound(http, "Api.UnknownPath"))
            .RequireCors(ApiCors.Policy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The answers every API endpoint may give besides its 200: 304 (ETag), 400 (malformed input) and 429 (rate limit).</summary>
    public static RouteHandlerBuilder WithApiResponses(this RouteHandlerBuilder builder, bool badRequest = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return badRequest ? builder.ProducesProblem(StatusCodes.Status400BadRequest) : builder;
    }

    /// <summary>The request's site's public API middleware: ETags and Cache-Control (behind the output cache).</summary>
    public static IApplicationBuilder UsePublicApiHeaders(this IApplicationBuilder app) => app.UseMiddleware<PublicApiHeaders>();
}
