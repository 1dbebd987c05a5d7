using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Api;

/// <summary>RFC 9457 problem details (application/problem+json) with a Vietnamese title and detail.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(HttpContext http, string detailKey) =>
        Problem(http, StatusCodes.Status400BadRequest, "Api.Problem.BadRequest", detailKey);

    public static ProblemHttpResult NotFound(HttpContext http, string detailKey) =>
        Problem(http, StatusCodes.Status404NotFound, "Api.Problem.NotFound", detailKey);

    public static ProblemHttpResult Problem(HttpContext http, int status, string titleKey, string detailKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(detail: text[detailKey], statusCode: status, title: text[titleKey]);
    }
}
