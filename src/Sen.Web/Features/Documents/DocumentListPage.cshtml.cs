using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sen.Web.Features.Errors;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Documents;

/// <summary>/van-ban: the library of published documents, filtered by kind, issuing body, year and term, sorted and paged.</summary>
[OutputCache(PolicyName = PublicCache.DocumentsPolicy)]
public sealed class DocumentListPageModel(ListDocuments list) : PageModel
{
    public DocumentFilter Filter { get; private set; } = DocumentFilter.None;

    public ListDocuments.Result Result { get; private set; } = new([], 0, 1, 1, 20);

    public PagerModel Pager => new(Result.Page, Result.PageCount, Filter.Url);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PageQuery.TryRead(Request, out var page))
        {
            return ErrorPages.BadRequest(HttpContext, "Error.BadPageNumber");
        }

        var (filter, problem) = DocumentFilter.Read(Request.Query);
        if (filter is null)
        {
            return ErrorPages.BadRequest(HttpContext, problem!);
        }

        Filter = filter;
        Result = await list.HandleAsync(new ListDocuments.Query(filter, page ?? 1), cancellationToken);
        if (page > Result.PageCount)
        {
            return NotFound();
        }

        PublicCache.Tag(HttpContext, PublicCache.Tags.Documents);
        return Page();
    }
}
