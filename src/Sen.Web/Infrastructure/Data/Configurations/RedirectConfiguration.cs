using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Redirects;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<Redirect>
{
    public void Configure(EntityTypeBuilder<Redirect> builder)
    {
        builder.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SiteId, r.OldPath }).IsUnique();
        builder.Property(r => r.OldPath).HasMaxLength(Redirect.PathMaxLength);
        builder.Property(r => r.Target).HasMaxLength(Redirect.TargetMaxLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.Source).HasMaxLength(40);
    }
}
