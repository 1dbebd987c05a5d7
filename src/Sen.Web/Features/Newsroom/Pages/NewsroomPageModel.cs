using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Errors;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>
/// What the article pages share: a handler's outcome becomes the right status with its Vietnamese
/// message on the page, and a success is announced once after the redirect (TempData).
/// </summary>
public abstract class NewsroomPageModel : PageModel
{
    /// <summary>The strings.tsv key of what just succeeded, shown once in the page's role="status" region.</summary>
    [TempData]
    public string? StatusKey { get; set; }

    /// <summary>The strings.tsv key of why the request failed, shown at the top of the page.</summary>
    public string? MessageKey { get; protected set; }

    /// <summary>
    /// Form values are text except the hidden numbers and the checkbox, which only a forged request gets
    /// wrong: a 400 with a Vietnamese message, before any handler runs.
    /// </summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ModelState.IsValid)
        {
            context.Result = ErrorPages.BadRequest(HttpContext, "Newsroom.Form.Invalid");
        }
    }

    public static string EditUrl(int id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/admin/bai-viet/{id}");

    public static int StatusOf(NewsroomOutcome outcome) => outcome switch
    {
        NewsroomOutcome.Forbidden => StatusCodes.Status403Forbidden,
        NewsroomOutcome.NotFound => StatusCodes.Status404NotFound,
        NewsroomOutcome.Conflict => StatusCodes.Status409Conflict,
        NewsroomOutcome.Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>Announces <paramref name="statusKey"/> on the page at <paramref name="url"/>.</summary>
    protected RedirectResult Done(string statusKey, string url)
    {
        StatusKey = statusKey;
        return Redirect(url);
    }

    /// <summary>Renders this page with <paramref name="messageKey"/> and <paramref name="status"/>.</summary>
    protected PageResult Fail(int status, string messageKey)
    {
        MessageKey = messageKey;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>A refusal to open anything: the 404 page, or this page with the reason alone.</summary>
    protected IActionResult Refuse(NewsroomResult refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Outcome == NewsroomOutcome.NotFound
            ? NotFound()
            : Fail(StatusOf(refusal.Outcome), refusal.MessageKey ?? "Error.Generic.Message");
    }
}
