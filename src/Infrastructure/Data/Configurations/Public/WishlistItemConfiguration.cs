using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations.Public;

internal sealed class WishlistItemConfiguration : IEntityTypeConfiguration<WishlistItem>
{
    public void Configure(EntityTypeBuilder<WishlistItem> b)
    {
        b.ToTable("wishlist_v2", t => t.ExcludeFromMigrations());
        b.Property(x => x.ItemType).HasBotCode(WishlistItemType.Unknown);
        b.Property(x => x.Status).HasBotCode(WishlistStatus.Unknown);
        b.Property(x => x.Meta).HasJson(BotJson.ReadWishlistMeta);
        b.HasOne(x => x.Client).WithMany().HasForeignKey(x => x.UserId);
    }
}
