using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
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
    public DbSet<DialogFacts> DialogFacts => Set<DialogFacts>();
    public DbSet<ClientFacts> ClientFacts => Set<ClientFacts>();
    public DbSet<ClientIndexMark> ClientIndexMarks => Set<ClientIndexMark>();
    public DbSet<StaffName> StaffNames => Set<StaffName>();
    public DbSet<SignInLockout> SignInLockouts => Set<SignInLockout>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        Database.BeginTransactionAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<DashboardUser>(b =>
        {
            b.ToTable("users");
            b.Property(x => x.Email).HasMaxLength(254);
            b.HasIndex(x => x.Email).IsUnique();
            b.Property(x => x.EncryptedPassword).HasMaxLength(100);
            b.Property(x => x.Role).HasCode().HasMaxLength(20);
            b.Property(x => x.SecurityStamp).HasMaxLength(64);
            b.Property(x => x.FirstName).HasMaxLength(100);
            b.Property(x => x.LastName).HasMaxLength(100);
            b.HasIndex(x => x.TenantId);
            b.Ignore(x => x.DisplayName);
        });

        modelBuilder.Entity<DailyMetrics>(b =>
        {
            b.ToTable("metrics_dailies");
            b.HasIndex(x => new { x.TenantId, x.Day }).IsUnique();
            // "When were the figures last collected" (a salon's for the Overview, all for Platform), read whenever a page's
            // reuse of it runs out: one index probe each, however many days are stored.
            b.HasIndex(x => new { x.TenantId, x.UpdatedAt });
            b.HasIndex(x => x.UpdatedAt);
            b.Property(x => x.Conversion).HasPrecision(7, 2);
            b.Property(x => x.TotalRevenue).HasPrecision(14, 2);
            b.Property(x => x.AttendedRevenue).HasPrecision(14, 2);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.RevenueByCurrency).HasJson();
            b.Property(x => x.TopServices).HasJson();
            b.Property(x => x.TopStaff).HasJson();
        });

        modelBuilder.Entity<Alert>(b =>
        {
            b.ToTable("alerts");
            b.Property(x => x.Kind).HasCode().HasMaxLength(30);
            b.Property(x => x.Severity).HasCode().HasMaxLength(20);
            // One alert per salon, kind and day however often evaluation runs: a key, not a check-then-insert.
            b.HasIndex(x => new { x.TenantId, x.Kind, x.Day }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.AcknowledgedAt });
        });

        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audits");
            b.Property(x => x.Action).HasMaxLength(50);
            b.Property(x => x.Metadata).HasJson();
            b.Property(x => x.IpAddress).HasMaxLength(64);
            b.Property(x => x.UserAgent).HasMaxLength(512);
            b.HasIndex(x => x.UserId);
            b.HasIndex(x => new { x.TenantId, x.CreatedAt });
            b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<WishlistAction>(b =>
        {
            b.ToTable("wishlist_actions");
            b.Property(x => x.Status).HasCode().HasMaxLength(20);
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.WishlistId, x.ProcessedAt });
            b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.ProcessedBy).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TenantSettings>(b =>
        {
            b.ToTable("tenant_settings");
            b.HasKey(x => x.TenantId);
            b.Property(x => x.TimeZone).HasMaxLength(64);
            b.Property(x => x.LowConversionPercent).HasPrecision(5, 2);
            b.Property(x => x.HighDropOffPercent).HasPrecision(5, 2);
            b.Property(x => x.ErrorSpikePercent).HasPrecision(5, 2);
            b.Property(x => x.NotificationChatId).HasMaxLength(64);
        });

        modelBuilder.Entity<BookingVerification>(b =>
        {
            b.ToTable("bookings");
            b.Property(x => x.ExternalId).HasMaxLength(64);
            b.Property(x => x.ClientId).HasMaxLength(64);
            b.Property(x => x.Status).HasCode().HasMaxLength(20);
            b.Property(x => x.VerificationData).HasColumnType("jsonb");
            b.HasIndex(x => new { x.TenantId, x.ExternalId }).IsUnique();
            b.HasIndex(x => x.SessionId);
        });

        modelBuilder.Entity<EscalationCase>(b =>
        {
            b.ToTable("conversations");
            b.Property(x => x.Version).IsRowVersion(); // Npgsql maps it to the system column xmin: no column of its own
            b.Property(x => x.ClientId).HasMaxLength(64);
            b.Property(x => x.Status).HasCode().HasMaxLength(20);
            b.Property(x => x.EscalationReason).HasMaxLength(EscalationCase.MaxReasonLength);
            b.Property(x => x.ClosureReason).HasMaxLength(EscalationCase.MaxReasonLength);
            b.HasIndex(x => new { x.TenantId, x.Status, x.EscalatedAt });
            b.HasIndex(x => new { x.TenantId, x.ClientId });
            b.HasIndex(x => x.SessionId);
        });

        modelBuilder.Entity<EscalationSession>(b =>
        {
            b.ToTable("escalation_sessions");
            b.HasKey(x => x.SessionId);
            b.Property(x => x.SessionId).ValueGeneratedNever();
            // The constraint keeps the name it got when the cases' set was called Conversations (the table still is).
            b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade)
                .HasConstraintName("fk_escalation_sessions_conversations_case_id");
        });

        modelBuilder.Entity<DialogFacts>(b =>
        {
            b.ToTable("dialog_facts");
            b.HasKey(x => x.SessionId);
            b.Property(x => x.SessionId).ValueGeneratedNever();
            b.Property(x => x.ResponseMsTotal).HasColumnType("numeric");
            // A client's dialogs newest first, and their count, from the index alone.
            b.HasIndex(x => new { x.UserId, x.StartedAt, x.SessionId }).IsDescending(false, true, true);
            // A salon's days for the collector, from the index alone.
            b.HasIndex(x => new { x.TenantId, x.StartedAt }).IncludeProperties(x => new { x.Answered, x.ResponseMsTotal });
        });

        modelBuilder.Entity<ClientFacts>(b =>
        {
            b.ToTable("client_facts");
            b.HasKey(x => x.ClientId);
            b.Property(x => x.ClientId).ValueGeneratedNever();
            // The list and its keyset paging, newest first per salon: a page reads its 50 rows (plus what a search skips).
            b.HasIndex(x => new { x.TenantId, x.ClientCreatedAt, x.ClientId }).IsDescending(false, true, true);
            // The due list, most overdue first, and the due count.
            b.HasIndex(x => new { x.TenantId, x.DueOn, x.ClientId });
            // Retention: a salon's clients by their first dialog (new clients of a period, monthly cohorts).
            b.HasIndex(x => new { x.TenantId, x.FirstDialogAt });
        });

        modelBuilder.Entity<ClientIndexMark>(b =>
        {
            b.ToTable("client_index_marks");
            b.HasKey(x => x.Source);
            b.Property(x => x.Source).HasMaxLength(32);
        });

        modelBuilder.Entity<StaffName>(b =>
        {
            b.ToTable("staff_names");
            b.HasKey(x => new { x.TenantId, x.StaffId });
        });

        modelBuilder.Entity<SignInLockout>(b =>
        {
            b.ToTable("sign_in_lockouts");
            b.HasKey(x => new { x.UserId, x.ClientAddress });
            b.Property(x => x.ClientAddress).HasMaxLength(64);
            b.Property(x => x.FailedCount).HasDefaultValue(0).ValueGeneratedNever();
            b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserSession>(b =>
        {
            b.ToTable("user_sessions");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasIndex(x => x.UserId);
            b.HasOne<DashboardUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        SpecDefaults(modelBuilder);

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
    /// </summary>
    private static void SpecDefaults(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties().Where(p => p.Name is "CreatedAt" or "UpdatedAt"))
                modelBuilder.Entity(entity.ClrType).Property(property.Name).HasDefaultValueSql("now()").ValueGeneratedNever();

        modelBuilder.Entity<DashboardUser>(b =>
        {
            b.Property(x => x.Role).HasDefaultValue(Role.Staff).ValueGeneratedNever();
            b.Property(x => x.Active).HasDefaultValue(true).ValueGeneratedNever();
            // A stamp of its own per row (as DashboardUser.Create makes one): a shared constant would tie users' sign-ins together.
            b.Property(x => x.SecurityStamp).HasDefaultValueSql("replace(gen_random_uuid()::text, '-', '')").ValueGeneratedNever();
        });
        modelBuilder.Entity<DailyMetrics>(b =>
        {
            foreach (var property in b.Metadata.GetProperties().Where(p => p.Name != nameof(DailyMetrics.Id)))
            {
                if (property.ClrType == typeof(int)) b.Property(property.Name).HasDefaultValue(0).ValueGeneratedNever();
                else if (property.ClrType == typeof(decimal)) b.Property(property.Name).HasDefaultValue(0m).ValueGeneratedNever();
            }
            b.Property(x => x.Currency).HasDefaultValue("RUB").ValueGeneratedNever();
            b.Property(x => x.RevenueByCurrency).HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
            b.Property(x => x.TopServices).HasDefaultValueSql("'[]'::jsonb").ValueGeneratedNever();
            b.Property(x => x.TopStaff).HasDefaultValueSql("'[]'::jsonb").ValueGeneratedNever();
        });
        modelBuilder.Entity<Alert>().Property(x => x.Severity).HasDefaultValue(AlertSeverity.Warning).ValueGeneratedNever();
        modelBuilder.Entity<AuditEntry>().Property(x => x.Metadata).HasDefaultValueSql("'{}'::jsonb").ValueGeneratedNever();
        modelBuilder.Entity<EscalationCase>(b =>
        {
            b.Property(x => x.Status).HasDefaultValue(EscalationStatus.Active).ValueGeneratedNever();
            b.Property(x => x.Escalated).HasDefaultValue(false).ValueGeneratedNever();
            b.Property(x => x.ReopenCount).HasDefaultValue(0).ValueGeneratedNever();
        });
        modelBuilder.Entity<BookingVerification>().Property(x => x.Status).HasDefaultValue(BookingStatus.Created).ValueGeneratedNever();
    }
}
