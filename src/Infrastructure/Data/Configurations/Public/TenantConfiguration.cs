using AgentP.Domain.Bot;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations.Public;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.ToTable("tenants_v2", t => t.ExcludeFromMigrations());
        b.Property(x => x.Metadata).HasJson(BotJson.ReadTenantMetadata);
    }
}
