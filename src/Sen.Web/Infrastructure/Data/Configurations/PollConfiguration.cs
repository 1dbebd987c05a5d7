using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Polls;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> builder)
    {
        builder.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SiteId, p.Status, p.OpensAt });
        builder.Property(p => p.Question).HasMaxLength(Poll.MaxQuestionLength);
        builder.Property(p => p.Kind).HasConversion<int>();
        builder.Property(p => p.Status).HasConversion<int>();
        builder.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> builder)
    {
        builder.HasIndex(o => new { o.PollId, o.SortOrder });
        builder.Property(o => o.Text).HasMaxLength(PollOption.MaxTextLength);
    }
}
