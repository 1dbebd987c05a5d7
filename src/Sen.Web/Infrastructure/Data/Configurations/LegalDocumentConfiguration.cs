using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Documents;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class LegalDocumentConfiguration : IEntityTypeConfiguration<LegalDocument>
{
    public void Configure(EntityTypeBuilder<LegalDocument> builder)
    {
        builder.ToTable("LegalDocuments");
        builder.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Number).HasMaxLength(DocumentFields.MaxNumberLength);
        builder.Property(d => d.Summary).HasMaxLength(DocumentFields.MaxSummaryLength);
        builder.Property(d => d.Slug).HasMaxLength(120);
        builder.Property(d => d.Kind).HasConversion<int>();
        builder.Property(d => d.Body).HasConversion<int>();
        builder.Property(d => d.Status).HasConversion<int>();
        builder.Property(d => d.Review).HasConversion<int>();
        builder.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(d => new { d.SiteId, d.Slug }).IsUnique();

        // The public list: a site's published documents, newest issued first.
        builder.HasIndex(d => new { d.SiteId, d.Status, d.IssuedOn, d.Id });
        builder.HasIndex(d => new { d.SiteId, d.Review });
    }
}

internal sealed class DocumentAttachmentConfiguration : IEntityTypeConfiguration<DocumentAttachment>
{
    public void Configure(EntityTypeBuilder<DocumentAttachment> builder)
    {
        builder.ToTable("DocumentAttachments");
        builder.Property(a => a.StorageKey).HasMaxLength(250);
        builder.Property(a => a.FileName).HasMaxLength(DocumentFiles.MaxFileNameLength);
        builder.Property(a => a.Format).HasMaxLength(10);
    }
}
