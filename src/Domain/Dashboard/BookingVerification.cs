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
    /// <summary>The spec's attendance (001 §4.6): 1 the client came, 0 did not come, null not known yet (or the record is gone).</summary>
    public int? YclientsAttendance { get; set; }
    /// <summary>YClients' own visit status, as it reports it: 1 came, −1 did not come, 0 waiting, 2 confirmed (null: record gone).</summary>
    public int? YclientsVisitStatus { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Nothing more will change: the client came, did not come, or the record is gone.</summary>
    public bool IsSettled => Status is BookingStatus.Completed or BookingStatus.Cancelled or BookingStatus.NoShow;

    /// <summary>
    /// Records YClients' answer (its visit status): 1 → completed, came; −1 → no-show, did not come; 2 → confirmed, 0 → created,
    /// not known yet; a deleted or missing record → cancelled, without attendance.
    /// </summary>
    public void Apply(int? visitStatus, bool deleted, string? service, string rawAnswer, DateTimeOffset now)
    {
        YclientsVisitStatus = deleted ? null : visitStatus;
        YclientsAttendance = deleted ? null : visitStatus switch { 1 => 1, -1 => 0, _ => null };
        Status = deleted ? BookingStatus.Cancelled : visitStatus switch
        {
            1 => BookingStatus.Completed,
            -1 => BookingStatus.NoShow,
            2 => BookingStatus.Confirmed,
            _ => BookingStatus.Created,
        };
        ServiceCode = service ?? ServiceCode;
        VerificationData = rawAnswer;
        VerifiedAt = now;
        UpdatedAt = now;
    }
}
