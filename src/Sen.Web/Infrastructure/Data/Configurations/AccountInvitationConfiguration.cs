using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Infrastructure.Data.Configurations;

internal sealed class AccountInvitationConfiguration : IEntityTypeConfiguration<AccountInvitation>
{
    public void Configure(EntityTypeBuilder<AccountInvitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Role).HasMaxLength(32);
        builder.Ignore(i => i.IsSetup);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne<SenUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
