using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;

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
    DbSet<BookingVerification> Bookings { get; }
    DbSet<EscalationCase> Conversations { get; }
    DbSet<EscalationSession> EscalationSessions { get; }
    DbSet<DialogFacts> DialogFacts { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
