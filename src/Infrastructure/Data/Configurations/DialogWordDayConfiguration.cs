using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class DialogWordDayConfiguration : IEntityTypeConfiguration<DialogWordDay>
{
    public void Configure(EntityTypeBuilder<DialogWordDay> b)
    {
        b.ToTable("dialog_word_days");
        // A salon's range of days first: what the Overview reads.
        b.HasKey(x => new { x.TenantId, x.Day, x.Stage, x.Term });
        b.Property(x => x.Term).HasMaxLength(120);
        b.Property(x => x.Stage).HasMaxLength(32);
    }
}
