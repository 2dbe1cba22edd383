using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class StaffNameConfiguration : IEntityTypeConfiguration<StaffName>
{
    public void Configure(EntityTypeBuilder<StaffName> b)
    {
        b.ToTable("staff_names");
        b.HasKey(x => new { x.TenantId, x.StaffId });
    }
}
