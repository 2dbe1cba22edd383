using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>What YClients says about a booking the bot made (<c>dashboard.bookings</c>): booked ≠ attended.</summary>
public sealed class BookingVerification : ITenantOwned
{
    /// <summary>How long after its start an unsettled record is asked about again.</summary>
    public static readonly TimeSpan RecheckWindow = TimeSpan.FromDays(14);

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

    /// <summary>Nothing more will change: the client came, did not come, or the record is gone.</summary>
    public bool IsSettled => Status is BookingStatus.Completed or BookingStatus.Cancelled;

    /// <summary>Records YClients' answer: attendance 1 → completed, −1 → cancelled (no-show), 2 → confirmed, 0 → created; a deleted or missing record → cancelled without attendance.</summary>
    public void Apply(int? attendance, bool deleted, string? service, string rawAnswer, DateTimeOffset now)
    {
        YclientsAttendance = deleted ? null : attendance;
        Status = deleted ? BookingStatus.Cancelled : attendance switch
        {
            1 => BookingStatus.Completed,
            -1 => BookingStatus.Cancelled,
            2 => BookingStatus.Confirmed,
            _ => BookingStatus.Created,
        };
        ServiceCode = service ?? ServiceCode;
        VerificationData = rawAnswer;
        VerifiedAt = now;
        UpdatedAt = now;
    }
}
