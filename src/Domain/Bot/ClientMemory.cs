using AgentP.Domain.Common;

namespace AgentP.Domain.Bot;

/// <summary>What the bot remembers about a client across dialogs (<c>public.user_ltm_v2</c>).</summary>
public sealed class ClientMemory : ITenantOwned
{
    public long Id { get; init; }
    public Guid TenantId { get; init; }
    public Guid UserId { get; init; }
    public string? PreferredStaffId { get; init; }
    public string? PreferredServiceId { get; init; }
    public string? PreferredTime { get; init; }
    public string? Language { get; init; }
    public bool AllowNotifications { get; init; }
    public LtmData LtmData { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record LtmData
{
    /// <summary>Bookings per staff key as the bot counts them (<c>{"staff_123": 5}</c>).</summary>
    public IReadOnlyDictionary<string, int> BookingStats { get; init; } = new Dictionary<string, int>();
    public DateOnly? LastVisitDate { get; init; }
    public int? AvgVisitInterval { get; init; }
}
