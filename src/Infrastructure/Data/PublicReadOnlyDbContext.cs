using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Data.Configurations.Public;
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

    // A pooled context goes back to its pool on dispose: it forgets its renter's scope there, so one taken from the pool
    // without being scoped (as Rent scopes every one) sees no salon, whichever unit of work used it last.
    public override void Dispose()
    {
        TenantScope = new TenantContext();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        TenantScope = new TenantContext();
        return base.DisposeAsync();
    }
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

        modelBuilder.ApplyConfiguration(new TenantConfiguration());
        modelBuilder.ApplyConfiguration(new ClientConfiguration());
        modelBuilder.ApplyConfiguration(new ConversationSessionConfiguration());
        modelBuilder.ApplyConfiguration(new MessageConfiguration());
        modelBuilder.ApplyConfiguration(new WishlistItemConfiguration());
        modelBuilder.ApplyConfiguration(new ClientMemoryConfiguration());

        modelBuilder.ApplyTenantFilter(typeof(Tenant), this, nameof(Tenant.Id));
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
            modelBuilder.ApplyTenantFilter(type.ClrType, this);
    }
}
