using Microsoft.AspNetCore.Mvc;

namespace Sen.Web.Features.Errors;

/// <summary>Vietnamese error pages, reached by status code re-execution.</summary>
public static class ErrorPages
{
    public const string StatusPath = "/loi";
    public const string ServerErrorPath = "/loi/he-thong";

    private const string MessageKeyItem = "Sen.ErrorMessageKey";

    /// <summary>A 400 whose page explains, through the resource <paramref name="messageKey"/>, what was wrong.</summary>
    public static StatusCodeResult BadRequest(PageModelOrController owner, string messageKey)
    {
        owner.HttpContext.Items[MessageKeyItem] = messageKey;
        return new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    public static void SetMessage(HttpContext context, string messageKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[MessageKeyItem] = messageKey;
    }

    public static string? MessageKey(HttpContext context) =>
        context?.Items[MessageKeyItem] as string;
}

/// <summary>Anything with an HttpContext: a page model or a controller.</summary>
public readonly record struct PageModelOrController(HttpContext HttpContext)
{
    public static implicit operator PageModelOrController(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page) => new(page.HttpContext);

    public static implicit operator PageModelOrController(ControllerBase controller) => new(controller.HttpContext);
}
