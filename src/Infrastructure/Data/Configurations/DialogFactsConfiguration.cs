using AgentP.Domain.Common;
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
        b.Property(x => x.Channel).HasBotCode(Channel.Unknown);
        b.Property(x => x.Status).HasBotCode(SessionStatus.Unknown);
        // The sessions list newest first, per salon and for all salons (keyset on started_at, session_id).
        b.HasIndex(x => new { x.TenantId, x.StartedAt, x.SessionId }).IsDescending(false, true, true).HasDatabaseName("ix_dialog_facts_list");
        b.HasIndex(x => new { x.StartedAt, x.SessionId }).IsDescending(true, true).HasDatabaseName("ix_dialog_facts_list_all");
        // The filters whose values can be rare (free text): their dialogs newest first without walking the others.
        b.HasIndex(x => new { x.TenantId, x.Intent, x.StartedAt, x.SessionId }).IsDescending(false, false, true, true);
        b.HasIndex(x => new { x.TenantId, x.Staff, x.StartedAt, x.SessionId }).IsDescending(false, false, true, true);
        b.HasIndex(x => x.Services).HasMethod("gin");
        // The summaries' trigram indexes (gin_trgm_ops) are created by the migration DialogListIndex in SQL: the operator
        // class lives wherever the owner installed pg_trgm, which the model cannot name.
    }
}
