using Microsoft.AspNetCore.Mvc;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Errors;

/// <summary>Vietnamese error pages, reached by status code re-execution.</summary>
public static class ErrorPages
{
    public const string StatusPath = "/loi";
    public const string ServerErrorPath = "/loi/he-thong";

    /// <summary>A 400 whose page explains, through the resource <paramref name="messageKey"/>, what was wrong.</summary>
    public static StatusCodeResult BadRequest(HttpContext context, string messageKey)
    {
        StatusMessage.Set(context, messageKey);
        return new StatusCodeResult(StatusCodes.Status400BadRequest);
    }
}
