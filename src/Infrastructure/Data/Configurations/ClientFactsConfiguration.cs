using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class ClientFactsConfiguration : IEntityTypeConfiguration<ClientFacts>
{
    public void Configure(EntityTypeBuilder<ClientFacts> b)
    {
        b.ToTable("client_facts");
        b.HasKey(x => x.ClientId);
        b.Property(x => x.ClientId).ValueGeneratedNever();
        // The list and its keyset paging, newest first per salon: a page reads its 50 rows (plus what a search skips).
        b.HasIndex(x => new { x.TenantId, x.ClientCreatedAt, x.ClientId }).IsDescending(false, true, true);
        // The due list, most overdue first, and the due count (only the due days before today: with the booking, from the index alone).
        b.HasIndex(x => new { x.TenantId, x.DueOn, x.ClientId }).IncludeProperties(x => x.BookedUntil);
        // The same two for all salons at once (no salon to lead the key): the list's order and the due list's and count.
        b.HasIndex(x => new { x.ClientCreatedAt, x.ClientId }).IsDescending(true, true);
        b.HasIndex(x => new { x.DueOn, x.ClientId }).IncludeProperties(x => new { x.TenantId, x.BookedUntil });
        // Retention: a salon's clients by their first dialog (new clients of a period, monthly cohorts).
        b.HasIndex(x => new { x.TenantId, x.FirstDialogAt });
    }
}
