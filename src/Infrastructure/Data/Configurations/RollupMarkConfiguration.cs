using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class RollupMarkConfiguration : IEntityTypeConfiguration<RollupMark>
{
    public void Configure(EntityTypeBuilder<RollupMark> b)
    {
        b.ToTable("rollup_marks");
        b.HasKey(x => x.Rollup);
        b.Property(x => x.Rollup).HasMaxLength(32);
    }
}
