using AgentP.Domain.Bot;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations.Public;

internal sealed class ClientMemoryConfiguration : IEntityTypeConfiguration<ClientMemory>
{
    public void Configure(EntityTypeBuilder<ClientMemory> b)
    {
        b.ToTable("user_ltm_v2", t => t.ExcludeFromMigrations());
        b.Property(x => x.LtmData).HasJson(BotJson.ReadLtmData);
    }
}
