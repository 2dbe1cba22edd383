using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class ClientSlotConfiguration : IEntityTypeConfiguration<ClientSlot>
{
    public void Configure(EntityTypeBuilder<ClientSlot> b)
    {
        b.ToTable("client_slots");
        // A salon's range of slots and their clients from the key alone (the periods of retention, index-only).
        b.HasKey(x => new { x.TenantId, x.Slot, x.ClientId });
        // A client's slots (the retention rollups count a client again from them when a dialog of theirs comes in), index-only.
        b.HasIndex(x => new { x.TenantId, x.ClientId, x.Slot }).IncludeProperties(x => x.Bookings);
    }
}
