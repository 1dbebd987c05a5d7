using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Documents;

/// <summary>
/// A document readers can see, or could see before this save, is on the library's list and detail pages:
/// saving it evicts them. Drafts nobody reads evict nothing.
/// </summary>
internal sealed class LegalDocumentChangeRule : ContentChangeRule<LegalDocument>
{
    protected override void Saving(EntityEntry entry, LegalDocument document, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(change);
        var status = entry.Property(nameof(LegalDocument.Status));
        var wasPublic = entry.State != EntityState.Added && (ArticleStatus)status.OriginalValue! == ArticleStatus.Published;
        if (wasPublic || document.Status == ArticleStatus.Published)
        {
            // Home: the search suggestions are cached under it (Features/Search/README.md), and they hold documents too.
            change.Evict(PublicCache.Tags.Documents);
            change.Evict(PublicCache.Tags.Home);
        }
    }

    public override void BulkChanged(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Evict(PublicCache.Tags.Documents);
        change.Evict(PublicCache.Tags.Home);
    }
}

/// <summary>A document's files are listed on its page.</summary>
internal sealed class DocumentAttachmentChangeRule : ContentChangeRule<DocumentAttachment>
{
    protected override void Saving(EntityEntry entry, DocumentAttachment attachment, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Evict(PublicCache.Tags.Documents);
    }
}
