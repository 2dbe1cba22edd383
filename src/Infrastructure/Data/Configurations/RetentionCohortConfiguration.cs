using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class RetentionCohortConfiguration : IEntityTypeConfiguration<RetentionCohort>
{
    public void Configure(EntityTypeBuilder<RetentionCohort> b)
    {
        b.ToTable("retention_cohorts");
        b.HasKey(x => new { x.TenantId, x.Cohort, x.Month });
    }
}
