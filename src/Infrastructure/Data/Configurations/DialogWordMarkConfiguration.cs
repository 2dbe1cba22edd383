using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class DialogWordMarkConfiguration : IEntityTypeConfiguration<DialogWordMark>
{
    public void Configure(EntityTypeBuilder<DialogWordMark> b)
    {
        b.ToTable("dialog_word_marks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new DialogWordMark { Id = 1, IndexedUpTo = 0 });
    }
}
