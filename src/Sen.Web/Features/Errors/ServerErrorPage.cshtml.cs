using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sen.Web.Features.Errors;

/// <summary>
/// The 500 page. The exception handler re-executes the failed request here with its own method, so
/// the page answers any method (a failed POST, PUT or DELETE too) and asks for no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ServerErrorPageModel : PageModel
{
    // Page filters run whatever the method, handler or no handler. Only a real failure, re-executed
    // here by the exception handler, is a 500; a visitor typing the address gets a 404.
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            context.Result = NotFound();
            return;
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
