using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class DailyMetricsConfiguration : IEntityTypeConfiguration<DailyMetrics>
{
    public void Configure(EntityTypeBuilder<DailyMetrics> b)
    {
        b.ToTable("metrics_dailies");
        b.HasIndex(x => new { x.TenantId, x.Day }).IsUnique();
        // "When were the figures last collected" (a salon's for the Overview, all for Platform), read whenever a page's
        // reuse of it runs out: one index probe each, however many days are stored.
        b.HasIndex(x => new { x.TenantId, x.UpdatedAt });
        b.HasIndex(x => x.UpdatedAt);
        b.Property(x => x.Conversion).HasPrecision(7, 2);
        b.Property(x => x.TotalRevenue).HasPrecision(14, 2);
        b.Property(x => x.AttendedRevenue).HasPrecision(14, 2);
        b.Property(x => x.AfterHoursRevenue).HasPrecision(14, 2);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.RevenueByCurrency).HasJson();
        b.Property(x => x.TopServices).HasJson();
        b.Property(x => x.TopStaff).HasJson();
        b.Property(x => x.Intents).HasJson();

        // The spec's defaults (see DashboardDbContext.SpecDefaults).
        foreach (var property in b.Metadata.GetProperties().Where(p => p.Name != nameof(DailyMetrics.Id)))
        {
            if (property.ClrType == typeof(int)) b.Property(property.Name).HasDefaultValue(0).ValueGeneratedNever();
            else if (property.ClrType == typeof(decimal)) b.Property(property.Name).HasDefaultValue(0m).ValueGeneratedNever();
        }
        b.Property(x => x.Currency).HasDefaultValue("RUB").ValueGeneratedNever();
        b.Property(x => x.RevenueByCurrency).HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
        b.Property(x => x.TopServices).HasDefaultValueSql("'[]'::jsonb").ValueGeneratedNever();
        b.Property(x => x.TopStaff).HasDefaultValueSql("'[]'::jsonb").ValueGeneratedNever();
        b.Property(x => x.Intents).HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
    }
}
