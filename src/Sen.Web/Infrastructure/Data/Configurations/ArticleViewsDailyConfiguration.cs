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

        // The dashboard reads the last days of every article (today's views, the top 7 days, the 30-day chart);
        // the key starts with the article, so only this index finds a day's rows. Views is left out so the
        // flush's updates never touch it.
        builder.HasIndex(v => v.Day);
    }
}
