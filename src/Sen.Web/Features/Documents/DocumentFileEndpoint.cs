using Microsoft.Net.Http.Headers;
using Sen.Web.Features.Media;

namespace Sen.Web.Features.Documents;

/// <summary>
/// GET /van-ban/tep/{id}/{name}: a published document's file, with its format's Content-Type, as an
/// attachment named as it was uploaded (filename* in UTF-8, and an ASCII fallback for old clients), and
/// with range requests, so a large PDF can be resumed or read page by page. The name in the URL is for
/// people; the id decides.
/// </summary>
public static class DocumentFileEndpoint
{
    public const string Route = "/van-ban/tep/{id:int}/{name}";

    public static IEndpointRouteBuilder MapDocumentFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, ServeAsync);
        return app;
    }

    private static async Task<IResult> ServeAsync(int id, HttpContext http, FindDocument find, IMediaStore store, CancellationToken cancellationToken)
    {
        var attachment = await find.FileAsync(id, cancellationToken).ConfigureAwait(false);
        var format = attachment is null ? null : DocumentFiles.FormatOf(attachment.Format);
        if (attachment is null || format is null)
        {
            return Results.NotFound();
        }

        var stream = await store.OpenAsync(attachment.StorageKey, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ContentDisposition = ContentDisposition(attachment.FileName, format);
        headers.XContentTypeOptions = "nosniff";

        // A document taken down must stop being served soon; the file itself never changes (its key is its hash).
        headers.CacheControl = "public, max-age=300";
        var etag = new EntityTagHeaderValue("\"" + attachment.StorageKey[..Math.Min(32, attachment.StorageKey.Length)] + "\"");
        return Results.File(stream, format.ContentType, fileDownloadName: null, lastModified: attachment.UploadedAt, entityTag: etag, enableRangeProcessing: true);
    }

    /// <summary>attachment; filename="ket-luan-so-62-kl-tw.pdf"; filename*=UTF-8''K%E1%BA%BFt%20lu%E1%BA%ADn...</summary>
    public static string ContentDisposition(string fileName, MediaFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var ascii = Text.Slug.From(Path.GetFileNameWithoutExtension(fileName), 100);
        var value = new ContentDispositionHeaderValue("attachment")
        {
            FileName = (ascii.Length == 0 ? "van-ban" : ascii) + "." + format.Extension,
            FileNameStar = fileName,
        };
        return value.ToString();
    }
}
