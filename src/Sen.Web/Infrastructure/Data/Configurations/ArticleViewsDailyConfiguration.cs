using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Articles;
using Sen.Web.Features.ViewCounts;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class ArticleViewsDailyConfiguration : IEntityTypeConfiguration<ArticleViewsDaily>
{
    public void Configure(EntityTypeBuilder<ArticleViewsDaily> builder)
    {
        builder.ToTable("ArticleViewsDaily");
        builder.HasKey(v => new { v.ArticleId, v.Day });
        builder.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
