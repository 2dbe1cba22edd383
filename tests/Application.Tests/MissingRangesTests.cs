using AgentP.Application.Metrics;

namespace AgentP.Application.Tests;

public sealed class MissingRangesTests
{
    private static readonly DateOnly D1 = new(2026, 11, 1);

    private static string Ranges(int lastClosed, params int[] collected) =>
        string.Join(" ", CollectMissingMetricsHandler.MissingRanges(D1, new DateOnly(2026, 11, lastClosed), collected.Select(d => new DateOnly(2026, 11, d)).ToHashSet())
            .Select(r => $"{r.From.Day}-{r.To.Day}"));

    [Fact]
    public void Nothing_collected_yet_is_one_range() => Assert.Equal("1-5", Ranges(5));

    [Fact]
    public void Gaps_become_separate_ranges_and_the_last_closed_day_is_always_included() =>
        Assert.Equal("3-4 7-7", Ranges(7, 1, 2, 5, 6, 7));

    [Fact]
    public void Everything_collected_still_refreshes_the_last_closed_day() =>
        Assert.Equal("5-5", Ranges(5, 1, 2, 3, 4, 5));
}
