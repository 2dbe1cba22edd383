using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class DialogFactsConfiguration : IEntityTypeConfiguration<DialogFacts>
{
    public void Configure(EntityTypeBuilder<DialogFacts> b)
    {
        b.ToTable("dialog_facts");
        b.HasKey(x => x.SessionId);
        b.Property(x => x.SessionId).ValueGeneratedNever();
        b.Property(x => x.ResponseMsTotal).HasColumnType("numeric");
        // A client's dialogs newest first, and their count, from the index alone.
        b.HasIndex(x => new { x.UserId, x.StartedAt, x.SessionId }).IsDescending(false, true, true);
        // A salon's days for the collector, from the index alone.
        b.HasIndex(x => new { x.TenantId, x.StartedAt }).IncludeProperties(x => new { x.Answered, x.ResponseMsTotal });
    }
}
