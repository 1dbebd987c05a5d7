using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Infrastructure.Data.Configurations;

/// <summary>Sen's fields on Identity's user table; Identity configures the rest.</summary>
internal sealed class SenUserConfiguration : IEntityTypeConfiguration<SenUser>
{
    public void Configure(EntityTypeBuilder<SenUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
