using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Media;
using Sen.Web.Features.Newsroom;

namespace Sen.Web.Features.Documents;

/// <summary>Removes a file from a document; the stored bytes go too unless another attachment has the same content.</summary>
public sealed class RemoveDocumentFile(DocumentDesk desk, AuditLog audit, IMediaStore store)
{
    public async Task<DocumentResult> HandleAsync(int documentId, int attachmentId, CancellationToken cancellationToken)
    {
        var document = await desk.FindAsync(documentId, cancellationToken).ConfigureAwait(false);
        var attachment = document?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (document is null || attachment is null)
        {
            return DocumentResult.NotFound;
        }

        var decision = desk.Decide(document, WorkflowAction.Save);
        if (!decision.Allowed)
        {
            return DocumentResult.Forbidden(decision.ReasonKey!);
        }

        document.Attachments.Remove(attachment);
        desk.Db.DocumentAttachments.Remove(attachment);
        document.UpdatedAt = desk.Now;
        audit.Record(AuditActions.DocumentFileRemoved, nameof(LegalDocument), SaveDocument.Id(document), attachment.FileName, siteId: document.SiteId);
        await desk.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var shared = await desk.Db.DocumentAttachments.AnyAsync(a => a.StorageKey == attachment.StorageKey, cancellationToken).ConfigureAwait(false)
            || await desk.Db.MediaAssets.AnyAsync(a => a.Key == attachment.StorageKey, cancellationToken).ConfigureAwait(false);
        if (!shared)
        {
            await store.DeleteAsync(attachment.StorageKey, cancellationToken).ConfigureAwait(false);
        }

        return DocumentResult.Done(document.Id);
    }
}
