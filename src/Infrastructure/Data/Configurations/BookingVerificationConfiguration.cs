using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentP.Infrastructure.Data.Configurations;

internal sealed class BookingVerificationConfiguration : IEntityTypeConfiguration<BookingVerification>
{
    public void Configure(EntityTypeBuilder<BookingVerification> b)
    {
        b.ToTable("bookings");
        b.Property(x => x.ExternalId).HasMaxLength(64);
        b.Property(x => x.ClientId).HasMaxLength(64);
        b.Property(x => x.Status).HasCode().HasMaxLength(20);
        b.Property(x => x.VerificationData).HasColumnType("jsonb");
        b.HasIndex(x => new { x.TenantId, x.ExternalId }).IsUnique();
        b.HasIndex(x => x.SessionId);

        // The spec's default (see DashboardDbContext.SpecDefaults).
        b.Property(x => x.Status).HasDefaultValue(BookingStatus.Created).ValueGeneratedNever();
    }
}
