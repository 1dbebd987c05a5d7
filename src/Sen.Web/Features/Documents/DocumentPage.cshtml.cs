using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Documents;

/// <summary>/van-ban/{slug}: one published document with its files. An id (/van-ban/12) redirects to the slug.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class DocumentPageModel(FindDocument find) : PageModel
{
    public FindDocument.Result Found { get; private set; } = null!;

    public DocumentSummary Document => Found.Document;

    public async Task<IActionResult> OnGetAsync(string slugOrId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(slugOrId) || slugOrId.Length > Text.Slug.MaxLength)
        {
            return NotFound();
        }

        var found = await find.HandleAsync(slugOrId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (found.Document.Slug != slugOrId)
        {
            return RedirectPermanent(found.Document.Url);
        }

        PublicCache.Tag(HttpContext, PublicCache.Tags.Documents);
        Found = found;
        return Page();
    }
}
