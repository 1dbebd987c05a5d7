using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.Property(a => a.Slug).HasMaxLength(120);
        builder.Property(a => a.Lead).HasMaxLength(2000);
        builder.Property(a => a.CoverImageUrl).HasMaxLength(1000);
        builder.Property(a => a.CoverCaption).HasMaxLength(1000);
        builder.Property(a => a.AuthorName).HasMaxLength(200);
        builder.Property(a => a.AuthorUnit).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Review).HasConversion<int>();
        builder.Property(a => a.ReviewComment).HasMaxLength(2000);
        builder.Property(a => a.ImportSourceKey).HasMaxLength(Article.ImportSourceKeyMaxLength);
        builder.Property(a => a.ImportHash).HasMaxLength(64);
        builder.Property(a => a.Keywords).HasMaxLength(Article.KeywordsMaxLength);

        // One article per imported item and site (NULLs, the articles written here, are distinct on both providers).
        builder.HasIndex(a => new { a.SiteId, a.ImportSourceKey }).IsUnique();

        // Newest published first: a category's article ids for CategoryListings (from the index alone), and
        // the site's latest articles for the home page.
        builder.HasIndex(a => new { a.CategoryId, a.Status, a.PublishedAt, a.Id });
        // UpdatedAt rides along (after the columns the listings seek on) so the sitemap index reads this index
        // alone instead of every article row.
        builder.HasIndex(a => new { a.SiteId, a.Status, a.PublishedAt, a.Id, a.UpdatedAt });

        // The newsroom's queues: what waits for approval, a writer's own drafts, the bin.
        builder.HasIndex(a => new { a.SiteId, a.Review });
        builder.HasIndex(a => new { a.SiteId, a.OwnerId });
        builder.HasIndex(a => new { a.SiteId, a.DeletedAt });

        // Articles still without a revision (written by a bulk writer): BackfillRevisionsOnStart looks for them at
        // every start, which without this index reads every article row, bodies and all. Nearly always empty.
        builder.HasIndex(a => a.LatestRevision).HasFilter("\"LatestRevision\" = 0").HasDatabaseName("IX_Articles_WithoutRevision");
    }
}
