using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Wishlist;

public sealed record WishlistFilter(string? Status = null, string? Type = null, string? Staff = null, int? Age = null)
{
    public const string All = "all";
    public static readonly IReadOnlyList<string> Statuses = ["pending", "contacted", "converted", "cancelled", "expired"];

    /// <summary>The status to filter on: pending unless another (or "all") is asked for.</summary>
    public string? EffectiveStatus => Status is null ? "pending" : Status == All ? null : Status;
}
