using Microsoft.AspNetCore.Http.Extensions;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Redirects;

/// <summary>
/// Answers 301 for an old address that has a redirect. An address with a query string is looked up first
/// ("/?p=123" would otherwise be the home page); any other only when it ends in 404. It sits inside the
/// status code pages, so it sees the 404 before the Vietnamese 404 page is rendered for it.
/// </summary>
public sealed class RedirectMiddleware(RequestDelegate next, RedirectTable table, IRequestSite site)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var readable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (readable && request.QueryString.HasValue && !request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            && await FindAsync(context).ConfigureAwait(false) is { } early)
        {
            Redirect(context.Response, early);
            return;
        }

        await next(context).ConfigureAwait(false);
        if (readable && !request.QueryString.HasValue && context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted
            && await FindAsync(context).ConfigureAwait(false) is { } target)
        {
            context.Response.Clear();
            Redirect(context.Response, target);
        }
    }

    private async ValueTask<string?> FindAsync(HttpContext context) =>
        RedirectPaths.Normalize(context.Request.GetEncodedPathAndQuery()) is { } oldPath
            ? await table.FindAsync(site.SiteKeyFor(context.Request), oldPath, context.RequestAborted).ConfigureAwait(false)
            : null;

    private static void Redirect(HttpResponse response, string target)
    {
        response.StatusCode = StatusCodes.Status301MovedPermanently;
        response.Headers.Location = target;
    }
}

public static class RedirectMiddlewareExtensions
{
    public static IApplicationBuilder UseRedirects(this IApplicationBuilder app) => app.UseMiddleware<RedirectMiddleware>();
}
