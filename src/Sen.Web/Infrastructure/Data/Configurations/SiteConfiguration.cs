using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.WelcomeLine).HasMaxLength(500);
        builder.Property(s => s.FooterAgency).HasMaxLength(300);
        builder.Property(s => s.FooterAddress).HasMaxLength(500);
        builder.Property(s => s.FooterPhone).HasMaxLength(100);
        builder.Property(s => s.FooterEmail).HasMaxLength(200);
        builder.Property(s => s.LicenceLine).HasMaxLength(500);
    }
}
