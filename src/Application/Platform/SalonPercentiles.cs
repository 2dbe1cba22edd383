namespace AgentP.Application.Platform;

/// <summary>
/// Where a salon stands among the platform's active salons with dialogs in a range (issue 24): for each figure, the share of the
/// other such salons it does strictly better than, in whole percent («лучше, чем 70 % салонов платформы»). Higher conversion and
/// containment are better, a shorter response time and a lower escalation share are better. Only when at least
/// <see cref="MinSalons"/> salons have dialogs, so no single other salon can be read off it; null figures where the salon has
/// none to compare (no answered message for the response time).
/// </summary>
public sealed record SalonPercentiles(int Salons, int? Conversion, int? ResponseTime, int? Containment, int? EscalationShare)
{
    public const int MinSalons = 5;

    /// <summary>The salon's percentiles among <paramref name="all"/>; null when it has no dialogs or too few salons have.</summary>
    public static SalonPercentiles? Of(Guid tenantId, IReadOnlyList<SalonFigures> all)
    {
        var salons = all.Where(s => s.Dialogs > 0).ToList();
        var me = salons.FirstOrDefault(s => s.TenantId == tenantId);
        if (me is null || salons.Count < MinSalons) return null;
        var others = salons.Where(s => s.TenantId != tenantId).ToList();
        int? Better<T>(Func<SalonFigures, T?> figure, Func<T, T, bool> better) where T : struct
        {
            if (figure(me) is not { } mine) return null;
            var compared = others.Select(figure).Where(v => v is not null).Select(v => v!.Value).ToList();
            return compared.Count == 0 ? null : (int)Math.Round(compared.Count(v => better(mine, v)) * 100m / compared.Count, MidpointRounding.AwayFromZero);
        }
        return new SalonPercentiles(salons.Count,
            Better<decimal>(s => s.Conversion, (a, b) => a > b),
            Better<double>(s => s.AvgResponseMs, (a, b) => a < b),
            Better<decimal>(s => s.Containment, (a, b) => a > b),
            Better<decimal>(s => s.EscalationShare, (a, b) => a < b));
    }
}
