using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Documents;

/// <summary>One published document of the current site, by slug or id, with its files.</summary>
public sealed class FindDocument(SenDbContext db, SiteContext siteContext)
{
    public sealed record Attachment(int Id, string FileName, string Format, long Length)
    {
        public string Url => DocumentUrls.File(Id, FileName);
    }

    public sealed record Result(DocumentSummary Document, IReadOnlyList<Attachment> Attachments);

    /// <summary><paramref name="slugOrId"/>: the document's slug, or its id (digits only).</summary>
    public async Task<Result?> HandleAsync(string slugOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slugOrId);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var documents = db.LegalDocuments.AsNoTracking().Where(d => d.SiteId == site.Id && d.Status == ArticleStatus.Published);
        documents = slugOrId.Length <= 9 && int.TryParse(slugOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? documents.Where(d => d.Id == id)
            : documents.Where(d => d.Slug == slugOrId);
        var found = await documents
            .Select(d => new
            {
                Summary = new DocumentSummary(d.Id, d.Slug, d.Number, d.Kind, d.Body, d.IssuedOn, d.EffectiveOn, d.Term, d.Summary),
                Files = d.Attachments.OrderBy(a => a.Id).Select(a => new Attachment(a.Id, a.FileName, a.Format, a.Length)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is null ? null : new Result(found.Summary, found.Files);
    }

    /// <summary>A published document's file of the current site: where it is stored and its name; null when there is none.</summary>
    public async Task<DocumentAttachment?> FileAsync(int attachmentId, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        return await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId
                && db.LegalDocuments.Any(d => d.Id == a.DocumentId && d.SiteId == site.Id && d.Status == ArticleStatus.Published))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }
}
