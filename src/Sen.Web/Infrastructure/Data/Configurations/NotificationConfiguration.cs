using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Notifications;
using Sen.Web.Features.Sites;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasOne<SenUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(n => n.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.EmailState).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleLength);
        builder.Property(n => n.Summary).HasMaxLength(Notification.SummaryLength);
        builder.Property(n => n.Link).HasMaxLength(200);
        builder.Property(n => n.LinkBase).HasMaxLength(300);
        builder.Property(n => n.EmailLastError).HasMaxLength(1000);

        // The header's unread count, and the user's list newest first (ids grow with time).
        builder.HasIndex(n => new { n.UserId, n.SiteId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.SiteId, n.Id });

        // The outbox: what is due to be sent.
        builder.HasIndex(n => new { n.EmailState, n.EmailNextAttemptAt });
    }
}
