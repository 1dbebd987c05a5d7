using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class CategorySlugAliasConfiguration : IEntityTypeConfiguration<CategorySlugAlias>
{
    public void Configure(EntityTypeBuilder<CategorySlugAlias> builder)
    {
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SiteId, a.Slug }).IsUnique();
        builder.Property(a => a.Slug).HasMaxLength(120);
    }
}
