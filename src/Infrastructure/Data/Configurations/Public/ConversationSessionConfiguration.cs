using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations.Public;

internal sealed class ConversationSessionConfiguration : IEntityTypeConfiguration<ConversationSession>
{
    public void Configure(EntityTypeBuilder<ConversationSession> b)
    {
        b.ToTable("conversation_sessions_v2", t => t.ExcludeFromMigrations());
        b.Property(x => x.Channel).HasBotCode(Channel.Unknown);
        b.Property(x => x.FinalStatus).HasBotCode(SessionStatus.Unknown);
        b.Property(x => x.Meta).HasJson(BotJson.ReadSessionMeta);
        b.HasOne(x => x.Client).WithMany().HasForeignKey(x => x.UserId);
        b.Ignore(x => x.IsBooked);
    }
}
