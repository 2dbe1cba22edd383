using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class TenantSettingsConfiguration : IEntityTypeConfiguration<TenantSettings>
{
    public void Configure(EntityTypeBuilder<TenantSettings> b)
    {
        b.ToTable("tenant_settings");
        b.HasKey(x => x.TenantId);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Property(x => x.LowConversionPercent).HasPrecision(5, 2);
        b.Property(x => x.HighDropOffPercent).HasPrecision(5, 2);
        b.Property(x => x.ErrorSpikePercent).HasPrecision(5, 2);
        b.Property(x => x.NotificationChatId).HasMaxLength(64);
    }
}
