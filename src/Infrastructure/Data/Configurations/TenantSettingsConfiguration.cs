using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
        // Null (no row value) stays null: EF hands converters only non-null values.
        b.Property(x => x.OpeningHours).HasColumnType("jsonb").HasConversion(
            new ValueConverter<List<string>?, string>(v => BotJson.Write(v), s => System.Text.Json.JsonSerializer.Deserialize<List<string>>(s, BotJson.Options) ?? new List<string>()),
            new ValueComparer<List<string>?>((a, c) => BotJson.Write(a) == BotJson.Write(c), v => BotJson.Write(v).GetHashCode(), v => v == null ? null : v.ToList()));
        b.Property(x => x.MinutesPerReply).HasPrecision(6, 2).HasDefaultValue(TenantSettings.DefaultMinutesPerReply).ValueGeneratedNever();
        b.Property(x => x.MonthlyBotFee).HasPrecision(14, 2);
    }
}
