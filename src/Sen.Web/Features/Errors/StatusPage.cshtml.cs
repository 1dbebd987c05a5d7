using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Errors;

/// <summary>
/// The page of every error status. Status code pages re-execute the request here with its own method,
/// so the page answers any method (a 405 for a TRACE comes here as a TRACE) and asks for no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusPageModel : PageModel
{
    public int Code { get; private set; }

    public string TitleKey { get; private set; } = "Error.NotFound.Title";

    public string MessageKey { get; private set; } = "Error.NotFound.Message";

    // Page filters run whatever the method, handler or no handler.
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        Code = reExecuted ? Response.StatusCode : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        (TitleKey, MessageKey) = Code switch
        {
            400 => ("Error.BadRequest.Title", StatusMessage.Get(HttpContext) ?? "Error.BadRequest.Message"),
            403 => ("Error.Forbidden.Title", "Error.Forbidden.Message"),
            404 => ("Error.NotFound.Title", "Error.NotFound.Message"),
            405 => ("Error.MethodNotAllowed.Title", "Error.MethodNotAllowed.Message"),
            413 => ("Error.TooLarge.Title", "Error.TooLarge.Message"),
            414 => ("Error.UriTooLong.Title", "Error.UriTooLong.Message"),
            415 => ("Error.UnsupportedMedia.Title", "Error.UnsupportedMedia.Message"),
            429 => ("Error.TooManyRequests.Title", StatusMessage.Get(HttpContext) ?? "Error.TooManyRequests.Message"),
            >= 500 => ("Error.Server.Title", "Error.Server.Message"),
            _ => ("Error.Generic.Title", "Error.Generic.Message"),
        };
    }
}
