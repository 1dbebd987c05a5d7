using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Sen.Web.Features.Media;

/// <summary>
/// <c>POST /admin/api/media</c>: a multipart form (<c>file</c>, <c>alt</c>, <c>caption</c>, the antiforgery token)
/// from the newsroom; answers the stored asset, or a Vietnamese problem with 400, 413 or 415.
/// <c>GET /admin/api/media?q=&amp;kind=image&amp;page=</c>: the library a page at a time (the editor's image picker).
/// </summary>
public static class MediaApi
{
    public const string UploadPath = "/media";

    // Far beyond any real library, and small enough that the offset of a page cannot overflow.
    private const int MaxPage = 1_000_000;

    // Room for the form's other fields and the multipart framing around the file.
    private const long FormOverhead = 64 * 1024;

    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost(UploadPath, UploadAsync).DisableAntiforgery();
        admin.MapGet(UploadPath, ListAsync);
        return admin;
    }

    private static async Task<IResult> ListAsync(HttpContext http, MediaLibrary library, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var page = 1;
        if (query.TryGetValue("page", out var pageText)
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
        {
            return BadListQuery(text, "Media.List.BadPage");
        }

        MediaKind? kind = null;
        if (query.TryGetValue("kind", out var kindText))
        {
            kind = kindText.ToString() switch
            {
                "image" => MediaKind.Image,
                "file" => MediaKind.File,
                _ => null,
            };
            if (kind is null)
            {
                return BadListQuery(text, "Media.List.BadKind");
            }
        }

        var result = await library.HandleAsync(new MediaLibrary.Query(query["q"], page, MediaLibrary.DefaultPageSize, kind), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(result);
    }

    // Antiforgery is checked here rather than by the framework's form binding, so that an oversized
    // body becomes the media feature's 413 with its message, not a bare status.
    private static async Task<IResult> UploadAsync(
        HttpContext http, IAntiforgery antiforgery, UploadMedia upload, IOptions<MediaOptions> options, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + FormOverhead;
        }

        if (!http.Request.HasFormContentType)
        {
            return Problem(text, StatusCodes.Status415UnsupportedMediaType, "Media.Upload.NotAForm");
        }

        if (http.Request.ContentLength > maxBytes + FormOverhead)
        {
            return TooLarge(text, maxBytes);
        }

        IFormCollection form;
        try
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return Problem(text, StatusCodes.Status400BadRequest, "Media.Upload.BadToken");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(text, maxBytes);
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own limits (a part, a header, the count of parts) or a malformed body.
            return Problem(text, StatusCodes.Status400BadRequest, "Media.Upload.BadForm");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Problem(text, StatusCodes.Status400BadRequest, MediaMessages.Empty);
        }

        await using var content = file.OpenReadStream();
        var result = await upload.HandleAsync(
            new UploadMedia.Command(content, file.FileName, file.ContentType, form["alt"], form["caption"]), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            UploadOutcome.Stored => TypedResults.Created(result.Asset!.Url, result.Asset),
            UploadOutcome.Reused => TypedResults.Ok(result.Asset),
            UploadOutcome.TooLarge => Problem(text, StatusCodes.Status413PayloadTooLarge, result.MessageKey!, [.. result.MessageArguments]),
            UploadOutcome.Unsupported => Problem(text, StatusCodes.Status415UnsupportedMediaType, result.MessageKey!, [.. result.MessageArguments]),
            _ => Problem(text, StatusCodes.Status400BadRequest, result.MessageKey!, [.. result.MessageArguments]),
        };
    }

    private static ProblemHttpResult BadListQuery(IStringLocalizer text, string messageKey) =>
        TypedResults.Problem(detail: text[messageKey], statusCode: StatusCodes.Status400BadRequest, title: text["Media.List.Refused"]);

    private static ProblemHttpResult TooLarge(IStringLocalizer text, long maxBytes) =>
        Problem(text, StatusCodes.Status413PayloadTooLarge, MediaMessages.TooLarge, (maxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));

    private static ProblemHttpResult Problem(IStringLocalizer text, int status, string messageKey, params object[] arguments) =>
        TypedResults.Problem(detail: text[messageKey, arguments], statusCode: status, title: text["Media.Upload.Refused"]);
}
