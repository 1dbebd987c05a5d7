using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Newsroom;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.HasIndex(r => r.CategoryId);
        builder.Property(r => r.Title).HasMaxLength(500);
        builder.Property(r => r.Slug).HasMaxLength(120);
        builder.Property(r => r.Lead).HasMaxLength(2000);
        builder.Property(r => r.CoverImageUrl).HasMaxLength(1000);
        builder.Property(r => r.CoverCaption).HasMaxLength(1000);
        builder.Property(r => r.AuthorName).HasMaxLength(200);
        builder.Property(r => r.AuthorUnit).HasMaxLength(200);
        builder.Property(r => r.SavedByName).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(500);
    }
}
