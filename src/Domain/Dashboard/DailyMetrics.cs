using AgentP.Domain.Common;

namespace AgentP.Domain.Dashboard;

/// <summary>
/// One salon's closed day, pre-aggregated by the collector (<c>dashboard.metrics_dailies</c>) so the
/// Overview never scans raw sessions for past days. Definitions: docs/architecture.md §5.
/// </summary>
public sealed class DailyMetrics : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public int DialogsStarted { get; set; }
    public int Bookings { get; set; }
    /// <summary>bookings / dialogs × 100, 2 decimals. Never averaged over a range: recompute from the counts.</summary>
    public decimal Conversion { get; set; }
    /// <summary>Mean time to the first answer over the day's answered user messages.</summary>
    public int AvgResponseMs { get; set; }
    /// <summary>How many user messages got an answer: the weight of <see cref="AvgResponseMs"/> over a range.</summary>
    public int AnsweredMessages { get; set; }
    /// <summary>Revenue of the day's bookings in <see cref="Currency"/> (a NULL booking currency counts as RUB).</summary>
    public decimal TotalRevenue { get; set; }
    public string Currency { get; set; } = "RUB";
    /// <summary>Revenue per booking currency, for salons that take more than one.</summary>
    public Dictionary<string, decimal> RevenueByCurrency { get; set; } = [];
    public int Escalated { get; set; }
    public int Dropped { get; set; }
    public int FunnelCompleted { get; set; }
    public int DroppedAtService { get; set; }
    public int DroppedAtStaff { get; set; }
    public int DroppedAtDate { get; set; }
    public int DroppedAtTime { get; set; }
    public int TelegramDialogs { get; set; }
    public int WhatsappDialogs { get; set; }
    public int PositiveDialogs { get; set; }
    public int NeutralDialogs { get; set; }
    public int NegativeDialogs { get; set; }
    /// <summary>Of the day's bookings, those YClients reports the client came to (attendance 1).</summary>
    public int AttendedBookings { get; set; }
    /// <summary>Of the day's bookings, those YClients reports the client did not come to (attendance 0).</summary>
    public int NoShowBookings { get; set; }
    /// <summary>Revenue (RUB) of the attended bookings: what the bot's bookings actually earned.</summary>
    public decimal AttendedRevenue { get; set; }
    /// <summary>Dialogs started outside the salon's opening hours (issue 24; docs/architecture.md §5).</summary>
    public int AfterHoursDialogs { get; set; }
    /// <summary>Of those, the booked ones.</summary>
    public int AfterHoursBookings { get; set; }
    /// <summary>RUB revenue of the after-hours bookings (a missing currency counts as RUB).</summary>
    public decimal AfterHoursRevenue { get; set; }
    /// <summary>The bot's replies (messages with role <c>assistant</c>) in the day's dialogs: what admin time saved counts.</summary>
    public int BotReplies { get; set; }
    /// <summary>Bookings that carry a RUB amount (a missing currency counts as RUB): the divisor of the average check.</summary>
    public int PricedBookings { get; set; }
    /// <summary>The day's dialogs per <c>final_intent</c> (dialogs without one not counted): intents over time.</summary>
    public Dictionary<string, int> Intents { get; set; } = [];
    public List<RankedItem> TopServices { get; set; } = [];
    public List<RankedItem> TopStaff { get; set; } = [];
    public DateTimeOffset? DigestSentAt { get; set; }
    /// <summary>A run took this day's digest to send it (and has not finished): no other run sends it meanwhile.</summary>
    public DateTimeOffset? DigestClaimedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static decimal ConversionOf(long bookings, long dialogs) =>
        dialogs == 0 ? 0m : Math.Round(bookings * 100m / dialogs, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// An entry of a top list: a service or a staff member with its bookings and revenue in RUB (a missing currency counts as RUB,
/// as the revenue card counts), and what it earned in any other currency kept apart (<see cref="Other"/>, null when none).
/// </summary>
public sealed record RankedItem(string Name, int Bookings, decimal Revenue, Dictionary<string, decimal>? Other = null);
