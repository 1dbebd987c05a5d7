using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.HasOne<Site>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Article).WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.Title).HasMaxLength(1000);
        builder.Property(e => e.Lead).HasMaxLength(4000);
        builder.Property(e => e.Extra).HasMaxLength(1000);
        builder.HasIndex(e => e.ArticleId).IsUnique();
        builder.HasIndex(e => e.DocumentId).IsUnique();
        builder.HasIndex(e => new { e.SiteId, e.PublishedAt });

        // The full-text structures (SQLite FTS5 table and triggers, PostgreSQL tsvector column and
        // GIN index) are provider SQL in the AddSearch migrations, outside the EF model.
    }
}
