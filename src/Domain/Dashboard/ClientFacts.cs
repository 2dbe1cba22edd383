using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// The client index (docs/architecture.md §5): one row per bot client, beside the dialog index. The client's created
/// time, name and phone digits (what the list orders and searches by), their first and last dialog with the counts of
/// dialogs and bookings and the latest visit booked (from the dialog index's chunks, up to its mark), and when they are due for a visit (the bot's
/// memory: last visit + usual interval). The bot's tables have no index on any of these and the dashboard may not add
/// one, so without this the clients list, its due count and its search read every client (and memory) of the salon.
/// </summary>
public sealed class ClientFacts : ITenantOwned
{
    public Guid ClientId { get; set; }
    public Guid TenantId { get; set; }
    public DateTimeOffset ClientCreatedAt { get; set; }
    public string? Name { get; set; }

    /// <summary>The phone's digits only, however the bot wrote it.</summary>
    public string? PhoneDigits { get; set; }

    /// <summary><c>clients_v2.updated_at</c> as last indexed.</summary>
    public DateTimeOffset? ClientUpdatedAt { get; set; }

    public DateTimeOffset? FirstDialogAt { get; set; }
    public DateTimeOffset? LastDialogAt { get; set; }
    public int Dialogs { get; set; }
    public int Bookings { get; set; }

    public DateOnly? LastVisit { get; set; }
    public int? VisitInterval { get; set; }

    /// <summary>Last visit + usual interval: the client is due for a visit the day after.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>
    /// The latest visit the client has booked, not cancelled, in the indexed dialogs of their own salon (the dialog's
    /// <c>booking_datetime</c>): the due list leaves out a client booked for their salon's today or later.
    /// </summary>
    public DateTimeOffset? BookedUntil { get; set; }

    /// <summary><c>user_ltm_v2.updated_at</c> as last indexed.</summary>
    public DateTimeOffset? MemoryUpdatedAt { get; set; }
}
