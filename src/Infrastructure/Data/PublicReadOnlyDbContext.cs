using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Infrastructure.Data;

/// <summary>
/// The bot's schema, read-only (docs/architecture.md §2): no tracking, every save throws, no migrations, and a tenant
/// filter on every table as the second line of defence behind the tenant-scope behaviour.
/// Column names are the spec's (§3) through the snake_case convention.
/// </summary>
public sealed class PublicReadOnlyDbContext(DbContextOptions<PublicReadOnlyDbContext> options)
    : DbContext(options), IPublicData, ITenantFiltered
{
    private const string ReadOnlyMessage = "The public schema belongs to the bot: the dashboard never writes to it.";

    /// <inheritdoc cref="ITenantFiltered.TenantScope"/>
    public ITenantContext TenantScope { get; set; } = new TenantContext();
    public bool AllTenants => TenantScope.AllTenants;
    public Guid? CurrentTenantId => TenantScope.TenantId;

    public IQueryable<Tenant> Tenants => Set<Tenant>();
    public IQueryable<Client> Clients => Set<Client>();
    public IQueryable<ConversationSession> Sessions => Set<ConversationSession>();
    public IQueryable<Message> Messages => Set<Message>();
    public IQueryable<WishlistItem> Wishlist => Set<WishlistItem>();
    public IQueryable<ClientMemory> ClientMemories => Set<ClientMemory>();

    public override int SaveChanges() => throw new InvalidOperationException(ReadOnlyMessage);
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw new InvalidOperationException(ReadOnlyMessage);
    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(ReadOnlyMessage);
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(ReadOnlyMessage);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("public");

        modelBuilder.Entity<Tenant>(b =>
        {
            b.ToTable("tenants_v2", t => t.ExcludeFromMigrations());
            b.Property(x => x.Metadata).HasJson(BotJson.ReadTenantMetadata);
        });
        modelBuilder.Entity<Client>(b => b.ToTable("clients_v2", t => t.ExcludeFromMigrations()));
        modelBuilder.Entity<ConversationSession>(b =>
        {
            b.ToTable("conversation_sessions_v2", t => t.ExcludeFromMigrations());
            b.Property(x => x.Channel).HasBotCode(Channel.Unknown);
            b.Property(x => x.FinalStatus).HasBotCode(SessionStatus.Unknown);
            b.Property(x => x.Meta).HasJson(BotJson.ReadSessionMeta);
            b.HasOne(x => x.Client).WithMany().HasForeignKey(x => x.UserId);
            b.Ignore(x => x.IsBooked);
        });
        modelBuilder.Entity<Message>(b =>
        {
            b.ToTable("recent_history_v2", t => t.ExcludeFromMigrations());
            b.Property(x => x.Text).HasColumnName("message");
            b.Property(x => x.Role).HasBotCode(MessageRole.Unknown);
            b.Property(x => x.Channel).HasBotCode(Channel.Unknown);
        });
        modelBuilder.Entity<WishlistItem>(b =>
        {
            b.ToTable("wishlist_v2", t => t.ExcludeFromMigrations());
            b.Property(x => x.ItemType).HasBotCode(WishlistItemType.Unknown);
            b.Property(x => x.Status).HasBotCode(WishlistStatus.Unknown);
            b.Property(x => x.Meta).HasJson(BotJson.ReadWishlistMeta);
            b.HasOne(x => x.Client).WithMany().HasForeignKey(x => x.UserId);
        });
        modelBuilder.Entity<ClientMemory>(b =>
        {
            b.ToTable("user_ltm_v2", t => t.ExcludeFromMigrations());
            b.Property(x => x.LtmData).HasJson(BotJson.ReadLtmData);
        });

        modelBuilder.ApplyTenantFilter(typeof(Tenant), this, nameof(Tenant.Id));
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
            modelBuilder.ApplyTenantFilter(type.ClrType, this);
    }
}
