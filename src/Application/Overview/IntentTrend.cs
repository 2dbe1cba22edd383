using AgentP.Domain.Dashboard;

namespace AgentP.Application.Overview;

/// <summary>
/// Intents over time (issue 24): the dialogs of each period per <c>final_intent</c> (<see cref="DailyMetrics.Intents"/>; dialogs
/// without one are not counted), the intents ordered by their total over the range, most frequent first.
/// </summary>
public sealed record IntentTrend(IReadOnlyList<string> Intents, IReadOnlyList<IntentPeriod> Periods)
{
    public static IntentTrend Of(IEnumerable<DailyMetrics> rows, ReportPeriod range, string grouping)
    {
        var buckets = ReportGrouping.Split(range, grouping);
        var counts = buckets.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToList();
        foreach (var r in rows.Where(r => range.Contains(r.Day) && r.Intents.Count > 0))
        {
            var i = buckets.Select((b, n) => (b, n)).First(x => r.Day >= x.b.From && r.Day <= x.b.To).n;
            foreach (var (intent, n) in r.Intents) counts[i][intent] = counts[i].GetValueOrDefault(intent) + n;
        }
        var intents = counts.SelectMany(c => c).GroupBy(c => c.Key).OrderByDescending(g => g.Sum(c => c.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        return new IntentTrend(intents, buckets.Select((b, i) =>
            new IntentPeriod(b.From, b.To, b.Partial, intents.Select(x => counts[i].GetValueOrDefault(x)).ToList())).ToList());
    }
}
