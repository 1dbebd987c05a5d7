using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Links;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class WebsiteLinkConfiguration : IEntityTypeConfiguration<WebsiteLink>
{
    public void Configure(EntityTypeBuilder<WebsiteLink> builder)
    {
        builder.HasOne<Site>().WithMany().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SiteId, l.SortOrder });
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.Property(l => l.Url).HasMaxLength(1000);
    }
}
