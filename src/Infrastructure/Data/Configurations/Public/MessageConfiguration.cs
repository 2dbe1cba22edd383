using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations.Public;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("recent_history_v2", t => t.ExcludeFromMigrations());
        b.Property(x => x.Text).HasColumnName("message");
        b.Property(x => x.Role).HasBotCode(MessageRole.Unknown);
        b.Property(x => x.Channel).HasBotCode(Channel.Unknown);
    }
}
