using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Media;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class MediaAssetVariantConfiguration : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> builder)
    {
        builder.ToTable("MediaVariants");
        builder.Property(v => v.Key).HasMaxLength(200);
        builder.Property(v => v.ContentType).HasMaxLength(100);
        builder.HasIndex(v => new { v.MediaAssetId, v.Width });

        // Pages find the asset of a variant URL; a failed upload checks whether another asset uses its files.
        builder.HasIndex(v => v.Key);
    }
}
