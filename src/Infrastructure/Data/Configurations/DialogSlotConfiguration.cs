using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class DialogSlotConfiguration : IEntityTypeConfiguration<DialogSlot>
{
    public void Configure(EntityTypeBuilder<DialogSlot> b)
    {
        b.ToTable("dialog_slots");
        // A salon's range of slots from the key alone.
        b.HasKey(x => new { x.TenantId, x.Slot });
        b.Property(x => x.ResponseMsTotal).HasColumnType("numeric");
    }
}
