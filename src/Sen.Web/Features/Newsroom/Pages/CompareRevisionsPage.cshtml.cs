using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Errors;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>A word diff of two revisions (/admin/bai-viet/{id}/phien-ban/so-sanh?tu=&amp;den=).</summary>
[Authorize(Policy = NewsroomPolicies.Newsroom)]
public sealed class CompareRevisionsPageModel(OpenArticle open, CompareRevisions compare) : NewsroomPageModel
{
    public int ArticleId { get; private set; }

    public CompareRevisions.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!TryReadNumber(Request.Query["tu"], out var from) || !TryReadNumber(Request.Query["den"], out var to))
        {
            return ErrorPages.BadRequest(HttpContext, "Newsroom.Revisions.BadCompare");
        }

        var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        ArticleId = id;
        Result = await compare.HandleAsync(new CompareRevisions.Query(id, from, to), cancellationToken);
        return Result is null ? NotFound() : Page();
    }

    private static bool TryReadNumber(StringValues values, out int number)
    {
        number = 0;
        return values.Count == 1 && values[0] is { Length: > 0 and <= 9 } value
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
