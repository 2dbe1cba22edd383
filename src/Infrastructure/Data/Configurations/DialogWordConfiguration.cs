using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class DialogWordConfiguration : IEntityTypeConfiguration<DialogWord>
{
    public void Configure(EntityTypeBuilder<DialogWord> b)
    {
        b.ToTable("dialog_words");
        b.HasKey(x => new { x.SessionId, x.Term });
        b.Property(x => x.SessionId).ValueGeneratedNever();
        b.Property(x => x.Term).HasMaxLength(120);
        b.Property(x => x.Stage).HasMaxLength(32);
        // The Overview's counts (a salon's days) and the sessions list's word filter (a term's dialogs of a salon's days).
        b.HasIndex(x => new { x.TenantId, x.Day });
        b.HasIndex(x => new { x.TenantId, x.Term, x.Day });
    }
}
