using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class RetentionZoneConfiguration : IEntityTypeConfiguration<RetentionZone>
{
    public void Configure(EntityTypeBuilder<RetentionZone> b)
    {
        b.ToTable("retention_zones");
        b.HasKey(x => x.TenantId);
        b.Property(x => x.TimeZone).HasMaxLength(64);
    }
}
