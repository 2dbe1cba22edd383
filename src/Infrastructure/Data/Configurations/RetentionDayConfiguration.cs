using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class RetentionDayConfiguration : IEntityTypeConfiguration<RetentionDay>
{
    public void Configure(EntityTypeBuilder<RetentionDay> b)
    {
        b.ToTable("retention_days");
        // A salon's range of days from the key alone (retention's periods and cohort sizes, index-only).
        b.HasKey(x => new { x.TenantId, x.Day, x.Gap });
    }
}
