using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sen.Web.Features.Errors;

public sealed class StatusPageModel : PageModel
{
    public int Code { get; private set; }

    public string TitleKey { get; private set; } = "Error.NotFound.Title";

    public string MessageKey { get; private set; } = "Error.NotFound.Message";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        Code = reExecuted ? Response.StatusCode : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        (TitleKey, MessageKey) = Code switch
        {
            400 => ("Error.BadRequest.Title", ErrorPages.MessageKey(HttpContext) ?? "Error.BadRequest.Message"),
            403 => ("Error.Forbidden.Title", "Error.Forbidden.Message"),
            404 => ("Error.NotFound.Title", "Error.NotFound.Message"),
            405 => ("Error.MethodNotAllowed.Title", "Error.MethodNotAllowed.Message"),
            413 => ("Error.TooLarge.Title", "Error.TooLarge.Message"),
            414 => ("Error.UriTooLong.Title", "Error.UriTooLong.Message"),
            415 => ("Error.UnsupportedMedia.Title", "Error.UnsupportedMedia.Message"),
            429 => ("Error.TooManyRequests.Title", ErrorPages.MessageKey(HttpContext) ?? "Error.TooManyRequests.Message"),
            >= 500 => ("Error.Server.Title", "Error.Server.Message"),
            _ => ("Error.Generic.Title", "Error.Generic.Message"),
        };
    }
}
