using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Newsroom;
using Sen.Web.Text;

namespace Sen.Web.Features.Documents;

/// <summary>
/// Creates a document (a draft of its writer) or saves one's fields, as the workflow allows. A published
/// document's changes reach readers at once: a document is a record of what was issued, not a story with
/// versions to approve (docs/DOCUMENTS.md).
/// </summary>
public sealed class SaveDocument(DocumentDesk desk, AuditLog audit)
{
    /// <summary>DocumentId: null for a new document.</summary>
    public sealed record Command(int? DocumentId, DocumentFields Fields);

    public async Task<DocumentResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var db = desk.Db;
        LegalDocument? document = null;
        if (command.DocumentId is int id)
        {
            document = await desk.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                return DocumentResult.NotFound;
            }
        }

        var decision = desk.Decide(document, document is null ? WorkflowAction.Create : WorkflowAction.Save);
        if (!decision.Allowed)
        {
            return DocumentResult.Forbidden(decision.ReasonKey!);
        }

        var (values, problems) = command.Fields.Clean();
        if (values is null)
        {
            return DocumentResult.Invalid(problems);
        }

        var siteId = await desk.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var now = desk.Now;
        if (document is null)
        {
            document = new LegalDocument
            {
                SiteId = siteId,
                Number = values.Number,
                Summary = values.Summary,
                Slug = "",
                Status = ArticleStatus.Draft,
                Review = ReviewState.Draft,
                OwnerId = desk.Actor.UserId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            values.ApplyTo(document);
            document.Slug = await UniqueSlugAsync(siteId, SlugOf(values), null, cancellationToken).ConfigureAwait(false);
            db.LegalDocuments.Add(document);
            var changes = AuditLog.ChangesOf(db.Entry(document));
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                audit.Record(AuditActions.DocumentCreated, nameof(LegalDocument), Id(document), Title(document), siteId: siteId).Changes = changes;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return DocumentResult.Done(document.Id);
        }

        values.ApplyTo(document);
        if (decision.Transition?.ToReview is { } review)
        {
            document.Review = review;
        }

        var entry = db.Entry(document);
        entry.DetectChanges();
        if (entry.State == EntityState.Modified)
        {
            document.UpdatedAt = now;
            audit.Record(AuditActions.DocumentSaved, nameof(LegalDocument), Id(document), Title(document), entry, siteId);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return DocumentResult.Done(document.Id);
    }

    internal static string Id(LegalDocument document) => document.Id.ToString(CultureInfo.InvariantCulture);

    internal static string Title(LegalDocument document) => document.Number + " – " + document.Summary;

    // "ket-luan-62-kl-tw": the kind and the number say which document it is, and stay when its summary is reworded.
    private static string SlugOf(DocumentFields.Values values)
    {
        var slug = Slug.From(DocumentVocabulary.KindKeys[values.Kind] + " " + values.Number, 100);
        return slug.Length == 0 ? "van-ban" : slug;
    }

    private async Task<string> UniqueSlugAsync(int siteId, string slug, int? exceptId, CancellationToken cancellationToken)
    {
        var taken = await desk.Db.LegalDocuments.AsNoTracking()
            .Where(d => d.SiteId == siteId && EF.Functions.Like(d.Slug, slug + "%") && d.Id != exceptId)
            .Select(d => d.Slug)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!taken.Contains(slug, StringComparer.Ordinal) && !int.TryParse(slug, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            if (!taken.Contains(candidate, StringComparer.Ordinal))
            {
                return candidate;
            }
        }
    }
}
