using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Admin;

namespace Sen.Web.Features.Documents;

/// <summary>/admin/van-ban/moi: any newsroom user starts a document as their draft.</summary>
public sealed class NewDocumentPageModel(SaveDocument save, IStringLocalizer<SharedResource> text) : PageModel
{
    public DocumentFields Form { get; private set; } = DocumentFields.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? number, string? kind, string? body, string? issuedOn, string? effectiveOn, string? term, string? summary, CancellationToken cancellationToken)
    {
        var form = new DocumentFields(number, kind, body, issuedOn, effectiveOn, term, summary);
        var result = await save.HandleAsync(new SaveDocument.Command(null, form), cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(DocumentEditPageModel.EditUrl(result.DocumentId!.Value, AdminNotices.Created));
        }

        Form = form;
        Errors = [.. result.MessageKeys.Select(k => text[k].Value)];
        Response.StatusCode = result.StatusCode;
        return Page();
    }
}
