using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class ClientIndexMarkConfiguration : IEntityTypeConfiguration<ClientIndexMark>
{
    public void Configure(EntityTypeBuilder<ClientIndexMark> b)
    {
        b.ToTable("client_index_marks");
        b.HasKey(x => x.Source);
        b.Property(x => x.Source).HasMaxLength(32);
    }
}
