using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sen.Web.Features.Errors;

[IgnoreAntiforgeryToken]
public sealed class ServerErrorPageModel : PageModel
{
    public IActionResult OnGet() => Describe();

    public IActionResult OnPost() => Describe();

    // Only a real failure, re-executed here by the exception handler, is a 500; a visitor typing the address gets a 404.
    private IActionResult Describe()
    {
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Page();
    }
}
