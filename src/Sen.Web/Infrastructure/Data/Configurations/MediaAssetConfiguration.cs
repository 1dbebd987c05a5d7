using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Media;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> builder)
    {
        builder.HasOne<Site>().WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Variants).WithOne().HasForeignKey(v => v.MediaAssetId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Kind).HasConversion<int>();
        builder.Property(m => m.OriginalName).HasMaxLength(255);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.Hash).HasMaxLength(64);
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.Property(m => m.AltText).HasMaxLength(500);
        builder.Property(m => m.Caption).HasMaxLength(1000);
        builder.Property(m => m.SearchText).HasMaxLength(2000);

        // The same upload twice is one asset; the library lists a site's newest first; pages find an asset by its URL.
        builder.HasIndex(m => new { m.SiteId, m.Hash }).IsUnique();
        builder.HasIndex(m => new { m.SiteId, m.CreatedAt, m.Id });
        builder.HasIndex(m => new { m.SiteId, m.Key });
    }
}
