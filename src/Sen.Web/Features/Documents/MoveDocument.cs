using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Newsroom;

namespace Sen.Web.Features.Documents;

/// <summary>
/// Takes a document one step along the workflow: submit (Chờ duyệt), return to its writer, publish, take down.
/// The workflow table decides who may; each step is audited.
/// </summary>
public sealed class MoveDocument(DocumentDesk desk, AuditLog audit)
{
    public static readonly IReadOnlyDictionary<WorkflowAction, string> AuditActionOf = new Dictionary<WorkflowAction, string>
    {
        [WorkflowAction.Submit] = AuditActions.DocumentSubmitted,
        [WorkflowAction.Return] = AuditActions.DocumentReturned,
        [WorkflowAction.Publish] = AuditActions.DocumentPublished,
        [WorkflowAction.Unpublish] = AuditActions.DocumentUnpublished,
    };

    public sealed record Command(int DocumentId, WorkflowAction Action);

    public async Task<DocumentResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!AuditActionOf.TryGetValue(command.Action, out var auditAction))
        {
            throw new ArgumentOutOfRangeException(nameof(command), command.Action, "Not a step of a document.");
        }

        var document = await desk.FindAsync(command.DocumentId, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return DocumentResult.NotFound;
        }

        var decision = desk.Decide(document, command.Action);
        if (!decision.Allowed)
        {
            return DocumentResult.Forbidden(decision.ReasonKey!);
        }

        var transition = decision.Transition!;
        if (transition.ToReview is { } review)
        {
            document.Review = review;
        }

        if (transition.ToStatus is { } status)
        {
            document.Status = status;
        }

        var now = desk.Now;
        if (command.Action == WorkflowAction.Submit)
        {
            document.SubmittedById = desk.Actor.UserId;
        }
        else if (command.Action == WorkflowAction.Publish)
        {
            document.PublishedAt ??= now;
            document.SubmittedById = null;
        }
        else if (command.Action == WorkflowAction.Return)
        {
            document.SubmittedById = null;
        }

        document.UpdatedAt = now;
        audit.Record(auditAction, nameof(LegalDocument), SaveDocument.Id(document), SaveDocument.Title(document), desk.Db.Entry(document), document.SiteId);
        await desk.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return DocumentResult.Done(document.Id);
    }

    /// <summary>Whether readers can see the document.</summary>
    public static bool IsPublic(LegalDocument document) => document?.Status == ArticleStatus.Published;
}
