using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Api;

/// <summary>
/// HTTP caching headers of the public API (<see cref="PublicApiMetadata"/>), set behind the output cache
/// so the cached copy carries them and the cache answers If-None-Match with 304 by itself:
/// <c>Cache-Control: no-cache</c> (clients keep a copy but ask first) and a weak ETag, a hash of the JSON
/// (weak, because compression makes different bytes of the same answer). An uncached request whose
/// If-None-Match matches gets the 304 here.
/// </summary>
public sealed class PublicApiHeaders(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<PublicApiMetadata>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        using var buffer = await ResponseBuffer.CaptureAsync(context, next).ConfigureAwait(false);
        var body = buffer.Written;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            response.Headers.CacheControl = "no-cache";
            var hash = SHA256.HashData(body.Span);
            var etag = $"W/\"{Convert.ToBase64String(hash, 0, 15).Replace('+', '-').Replace('/', '_')}\"";
            response.Headers.ETag = etag;
            if (Matches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }

        if (body.Length > 0)
        {
            await response.BodyWriter.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>If-None-Match's weak comparison (RFC 9110 13.1.2): "*" or any listed tag equal but for W/.</summary>
    private static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags is null)
        {
            return false;
        }

        var ours = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}
