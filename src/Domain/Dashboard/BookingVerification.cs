using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>What YClients says about a booking the bot made (<c>dashboard.bookings</c>): booked ≠ attended.</summary>
public sealed class BookingVerification : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public string ExternalId { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>The <c>conversation_sessions_v2.id</c> that produced the booking.</summary>
    public long? SessionId { get; set; }
    public DateTimeOffset StartAt { get; set; }
    public string? ServiceCode { get; set; }
    public BookingStatus Status { get; set; } = BookingStatus.Created;
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerificationData { get; set; }
    /// <summary>As YClients reports it: 1 came, −1 did not come, 0 waiting, 2 confirmed.</summary>
    public int? YclientsAttendance { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
