using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgentP.Application.Common.Interfaces;

/// <summary>The dashboard's own schema. One <see cref="SaveChangesAsync"/> per command = one transaction.</summary>
public interface IDashboardDb
{
    DbSet<DashboardUser> Users { get; }
    DbSet<DailyMetrics> MetricsDailies { get; }
    DbSet<Alert> Alerts { get; }
    DbSet<AuditEntry> Audits { get; }
    DbSet<WishlistAction> WishlistActions { get; }
    DbSet<TenantSettings> TenantSettings { get; }
    /// <summary>What YClients said of the bot's bookings (table <c>bookings</c>).</summary>
    DbSet<BookingVerification> BookingVerifications { get; }
    /// <summary>Clients waiting for a human, one case per client at a time (table <c>conversations</c>, as the spec names it).</summary>
    DbSet<EscalationCase> EscalationCases { get; }
    DbSet<EscalationSession> EscalationSessions { get; }
    DbSet<EscalationSlaNotice> EscalationSlaNotices { get; }
    /// <summary>What clients wrote in the dialogs the bot lost (kept by the dialog index job).</summary>
    DbSet<DialogWord> DialogWords { get; }
    /// <summary>The same terms counted per salon, day and stage (the Overview's sums).</summary>
    DbSet<DialogWordDay> DialogWordDays { get; }
    DbSet<DialogWordMark> DialogWordMarks { get; }
    DbSet<DialogFacts> DialogFacts { get; }
    /// <summary>The client index (table <c>client_facts</c>): the sessions search finds dialogs by their client's name and phone here.</summary>
    DbSet<ClientFacts> ClientFacts { get; }
    /// <summary>Masters' names as the bot's dialogs give them (kept by the dialog index).</summary>
    DbSet<StaffName> StaffNames { get; }
    /// <summary>
    /// The indexed dialogs of the unit of work's scope whose summary or final summary match <paramref name="pattern"/>
    /// (an ILIKE pattern, <c>\</c> escaping): function <c>dashboard.search_dialogs</c>, which applies the scope itself and
    /// so may use the trigram indexes that row-level security keeps from a plain ILIKE (docs/architecture.md §6).
    /// </summary>
    IQueryable<long> SearchDialogs(string pattern);

    /// <summary>
    /// The indexed clients of the scope whose name matches <paramref name="pattern"/> (ILIKE) or whose phone digits match
    /// <paramref name="phonePattern"/> (LIKE, when given): function <c>dashboard.search_clients</c>, as <see cref="SearchDialogs"/>.
    /// </summary>
    IQueryable<Guid> SearchClients(string pattern, string? phonePattern);

    DbSet<SignInLockout> SignInLockouts { get; }
    DbSet<UserSession> UserSessions { get; }

    /// <summary>To read again after a save lost to a concurrent change (a row version conflict).</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    /// <summary>To mark what a save must check or write though its value did not change.</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The command's one transaction made explicit, for commands whose statements beyond the one save must commit or
    /// roll back with it (a counted failure and its audit row, a row lock held until the write commits).
    /// </summary>
    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}
