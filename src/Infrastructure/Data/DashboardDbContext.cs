using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using AgentP.Infrastructure.Data.Configurations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgentP.Infrastructure.Data;

/// <summary>The dashboard's own schema <c>dashboard</c>, created and evolved by EF Core migrations.</summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : DbContext(options), IDashboardDb, IDataProtectionKeyContext, ITenantFiltered
{
    public const string Schema = "dashboard";

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

    public DbSet<DashboardUser> Users => Set<DashboardUser>();
    public DbSet<DailyMetrics> MetricsDailies => Set<DailyMetrics>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AuditEntry> Audits => Set<AuditEntry>();
    public DbSet<WishlistAction> WishlistActions => Set<WishlistAction>();
    public DbSet<TenantSettings> TenantSettings => Set<TenantSettings>();
    public DbSet<BookingVerification> BookingVerifications => Set<BookingVerification>();
    public DbSet<EscalationCase> EscalationCases => Set<EscalationCase>();
    public DbSet<EscalationSession> EscalationSessions => Set<EscalationSession>();
    public DbSet<EscalationSlaNotice> EscalationSlaNotices => Set<EscalationSlaNotice>();
    public DbSet<DialogWord> DialogWords => Set<DialogWord>();
    public DbSet<DialogWordDay> DialogWordDays => Set<DialogWordDay>();
    public DbSet<DialogWordMark> DialogWordMarks => Set<DialogWordMark>();
    public DbSet<DialogFacts> DialogFacts => Set<DialogFacts>();
    public DbSet<ClientFacts> ClientFacts => Set<ClientFacts>();
    public DbSet<ClientIndexMark> ClientIndexMarks => Set<ClientIndexMark>();
    public DbSet<StaffName> StaffNames => Set<StaffName>();
    public DbSet<DialogSlot> DialogSlots => Set<DialogSlot>();
    public DbSet<ClientSlot> ClientSlots => Set<ClientSlot>();
    public DbSet<RollupMark> RollupMarks => Set<RollupMark>();
    public DbSet<RetentionDay> RetentionDays => Set<RetentionDay>();
    public DbSet<RetentionCohort> RetentionCohorts => Set<RetentionCohort>();
    public DbSet<RetentionZone> RetentionZones => Set<RetentionZone>();
    public DbSet<SignInLockout> SignInLockouts => Set<SignInLockout>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public IQueryable<long> SearchDialogs(string pattern) => SearchFunctions.Dialogs(Database, pattern);

    public IQueryable<Guid> SearchClients(string pattern, string? phonePattern) => SearchFunctions.Clients(Database, pattern, phonePattern);

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        Database.BeginTransactionAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        // Listed rather than scanned from the assembly: this context maps exactly these (the public context's own sit in
        // Configurations/Public), and the timestamps' defaults and the tenant filters below need every entity in place first.
        modelBuilder.ApplyConfiguration(new DashboardUserConfiguration());
        modelBuilder.ApplyConfiguration(new DailyMetricsConfiguration());
        modelBuilder.ApplyConfiguration(new AlertConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new WishlistActionConfiguration());
        modelBuilder.ApplyConfiguration(new TenantSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new BookingVerificationConfiguration());
        modelBuilder.ApplyConfiguration(new EscalationCaseConfiguration());
        modelBuilder.ApplyConfiguration(new EscalationSessionConfiguration());
        modelBuilder.ApplyConfiguration(new EscalationSlaNoticeConfiguration());
        modelBuilder.ApplyConfiguration(new DialogWordConfiguration());
        modelBuilder.ApplyConfiguration(new DialogWordDayConfiguration());
        modelBuilder.ApplyConfiguration(new DialogWordMarkConfiguration());
        modelBuilder.ApplyConfiguration(new DialogFactsConfiguration());
        modelBuilder.ApplyConfiguration(new ClientFactsConfiguration());
        modelBuilder.ApplyConfiguration(new ClientIndexMarkConfiguration());
        modelBuilder.ApplyConfiguration(new StaffNameConfiguration());
        modelBuilder.ApplyConfiguration(new DialogSlotConfiguration());
        modelBuilder.ApplyConfiguration(new ClientSlotConfiguration());
        modelBuilder.ApplyConfiguration(new RollupMarkConfiguration());
        modelBuilder.ApplyConfiguration(new RetentionDayConfiguration());
        modelBuilder.ApplyConfiguration(new RetentionCohortConfiguration());
        modelBuilder.ApplyConfiguration(new RetentionZoneConfiguration());
        modelBuilder.ApplyConfiguration(new SignInLockoutConfiguration());
        modelBuilder.ApplyConfiguration(new UserSessionConfiguration());
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());

        SpecDefaults(modelBuilder);

        // The filters read this context's members (see ModelBuilding.ApplyTenantFilter), so they are set here, on the instance.
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
            modelBuilder.ApplyTenantFilter(type.ClrType, this);
        // Rows that may belong to no salon (a super_admin, a platform action): only "all salons" sees those.
        modelBuilder.ApplyTenantFilter(typeof(AuditEntry), this);
        modelBuilder.ApplyTenantFilter(typeof(DashboardUser), this);
    }

    /// <summary>
    /// The database spec's tables take the spec's own INSERTs (§4–5: a super_admin added by plain SQL with e-mail, bcrypt
    /// hash and role): every column the spec gives a default has it here too, and so have our own NOT NULL columns
    /// beside them whose starting value is obvious. The app always writes every column itself
    /// (<c>ValueGeneratedNever</c>): a default must never stand in for a value it set, such as <c>active = false</c>.
    /// The timestamps of every table get theirs here; the other defaults sit in their entity's configuration
    /// (<c>Configurations/</c>).
    /// </summary>
    private static void SpecDefaults(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties().Where(p => p.Name is "CreatedAt" or "UpdatedAt"))
                modelBuilder.Entity(entity.ClrType).Property(property.Name).HasDefaultValueSql("now()").ValueGeneratedNever();
    }
}
