using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sen.Web.Features.Accounts;

/// <summary>Where a signed-in user lands when their role does not allow a page: a 403 with a way back.</summary>
public sealed class AccessDeniedPageModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
