using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Newsroom;

namespace Sen.Web.Features.Documents;

/// <summary>
/// /admin/van-ban/{id}: edit a document, attach and remove its files, and take it along the workflow
/// (submit, return, publish, take down), each as the workflow table allows.
/// </summary>
public sealed class DocumentEditPageModel(DocumentDesk desk, SaveDocument save, MoveDocument move, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly string[] Notices = ["created", "saved", "submitted", "returned", "published", "unpublished", "attached", "removed"];

    public LegalDocument Document { get; private set; } = null!;

    public DocumentFields Form { get; private set; } = DocumentFields.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public static string EditUrl(int id, string? done = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/admin/van-ban/{id}") + (done is null ? "" : "?done=" + done);

    public bool May(WorkflowAction action) => desk.Decide(Document, action).Allowed;

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice = done is not null && Notices.Contains(done, StringComparer.Ordinal) ? text["Document.Done." + done].Value : null;
        Form = DocumentFields.Of(Document);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? number, string? kind, string? body, string? issuedOn, string? effectiveOn, string? term, string? summary, CancellationToken cancellationToken)
    {
        var form = new DocumentFields(number, kind, body, issuedOn, effectiveOn, term, summary);
        var result = await save.HandleAsync(new SaveDocument.Command(id, form), cancellationToken);
        return await AfterAsync(id, result, "saved", form, cancellationToken);
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        MoveAsync(id, WorkflowAction.Submit, "submitted", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        MoveAsync(id, WorkflowAction.Return, "returned", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        MoveAsync(id, WorkflowAction.Publish, "published", cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken cancellationToken) =>
        MoveAsync(id, WorkflowAction.Unpublish, "unpublished", cancellationToken);

    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file, [FromServices] AttachDocumentFile attach, [FromServices] Microsoft.Extensions.Options.IOptions<DocumentOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attach);
        ArgumentNullException.ThrowIfNull(options);
        DocumentResult result;
        if (file is null)
        {
            result = DocumentResult.Invalid(["Document.File.Empty"]);
        }
        else if (file.Length > options.Value.MaxFileBytes)
        {
            result = AttachDocumentFile.TooLarge(options.Value.MaxFileBytes);
        }
        else
        {
            await using var content = file.OpenReadStream();
            result = await attach.HandleAsync(new AttachDocumentFile.Command(id, content, file.FileName), cancellationToken);
        }

        return await AfterAsync(id, result, "attached", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(int id, int attachmentId, [FromServices] RemoveDocumentFile remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remove);
        var result = await remove.HandleAsync(id, attachmentId, cancellationToken);
        return await AfterAsync(id, result, "removed", null, cancellationToken);
    }

    private async Task<IActionResult> MoveAsync(int id, WorkflowAction action, string done, CancellationToken cancellationToken)
    {
        // Approving and returning are approvers' work: a writer is refused before anything is looked up.
        if (action is not WorkflowAction.Submit && !User.IsInRole(SenRoles.Admin) && !User.IsInRole(SenRoles.Approver))
        {
            return await AfterAsync(id, DocumentResult.Forbidden("Workflow.RoleMissing"), done, null, cancellationToken);
        }

        var result = await move.HandleAsync(new MoveDocument.Command(id, action), cancellationToken);
        return await AfterAsync(id, result, done, null, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, DocumentResult result, string done, DocumentFields? form, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return Redirect(EditUrl(id, done));
        }

        if (result.Outcome == DocumentOutcome.NotFound || !await LoadAsync(id, cancellationToken))
        {
            if (result.Outcome == DocumentOutcome.Forbidden)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return new ContentResult { StatusCode = StatusCodes.Status403Forbidden, Content = text[result.MessageKeys[0]], ContentType = "text/plain; charset=utf-8" };
            }

            return NotFound();
        }

        Form = form ?? DocumentFields.Of(Document);
        Errors = [.. result.MessageKeys.Select(k => text[k, [.. (result.Arguments ?? []).Cast<object>()]].Value)];
        Response.StatusCode = result.StatusCode;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // Changes refused above are not saved: the page shows the document as stored.
        desk.Db.ChangeTracker.Clear();
        var document = await desk.FindAsync(id, cancellationToken);
        Document = document!;
        return document is not null;
    }
}
