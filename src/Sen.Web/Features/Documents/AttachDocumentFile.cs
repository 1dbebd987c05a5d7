using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Media;
using Sen.Web.Features.Newsroom;

namespace Sen.Web.Features.Documents;

/// <summary>
/// Adds a file to a document: checked by content (<see cref="DocumentFiles"/>), size-limited
/// (Documents:MaxFileBytes), kept in the media store, audited. A refused file leaves nothing behind.
/// </summary>
public sealed class AttachDocumentFile(DocumentDesk desk, AuditLog audit, IMediaStore store, IOptions<DocumentOptions> options)
{
    private const double Megabyte = 1024 * 1024;

    public sealed record Command(int DocumentId, Stream Content, string? FileName);

    public async Task<DocumentResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var document = await desk.FindAsync(command.DocumentId, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return DocumentResult.NotFound;
        }

        var decision = desk.Decide(document, WorkflowAction.Save);
        if (!decision.Allowed)
        {
            return DocumentResult.Forbidden(decision.ReasonKey!);
        }

        var maxBytes = options.Value.MaxFileBytes;
        var content = (await UploadedBytes.ReadAtMostAsync(command.Content, maxBytes, cancellationToken).ConfigureAwait(false))?.ToArray();
        if (content is null)
        {
            return TooLarge(maxBytes);
        }

        if (content.Length == 0)
        {
            return DocumentResult.Invalid(["Document.File.Empty"]);
        }

        var name = DocumentFiles.CleanName(command.FileName);
        var format = DocumentFiles.Check(content, name);
        if (format is null)
        {
            return new DocumentResult(DocumentOutcome.Unsupported, ["Document.File.Unsupported"]);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var key = MediaKeys.File(hash, name, format);
        var written = false;
        if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            await store.SaveAsync(key, new MemoryStream(content, writable: false), cancellationToken).ConfigureAwait(false);
            written = true;
        }

        var attachment = new DocumentAttachment
        {
            DocumentId = document.Id,
            StorageKey = key,
            FileName = name,
            Format = format.Extension,
            Length = content.Length,
            UploadedAt = desk.Now,
        };
        document.Attachments.Add(attachment);
        document.UpdatedAt = desk.Now;
        try
        {
            audit.Record(AuditActions.DocumentFileAttached, nameof(LegalDocument), SaveDocument.Id(document), name, siteId: document.SiteId);
            await desk.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (written)
        {
            await store.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return DocumentResult.Done(document.Id);
    }

    public static DocumentResult TooLarge(long maxBytes) =>
        new(DocumentOutcome.TooLarge, ["Document.File.TooLarge"], null, [Math.Round(maxBytes / Megabyte, 1).ToString(CultureInfo.GetCultureInfo("vi-VN"))]);
}
