using AgentP.Application.Sessions;
using AgentP.Domain.Common;

namespace AgentP.Application.Tests;

public sealed class SessionFilterTests
{
    [Theory]
    [InlineData("time_selection", true, DropOffStage.TimeSelection, false)]
    [InlineData("past_service_selection", true, DropOffStage.ServiceSelection, true)]
    [InlineData("past_time_selection", true, DropOffStage.TimeSelection, true)]
    [InlineData("past_", false, default(DropOffStage), true)]
    [InlineData("past_past_time_selection", false, default(DropOffStage), true)]
    [InlineData("Past_time_selection", false, default(DropOffStage), false)]
    [InlineData("", false, default(DropOffStage), false)]
    [InlineData(null, false, default(DropOffStage), false)]
    public void A_stage_is_a_drop_off_or_with_past_a_funnel_bar(string? value, bool valid, DropOffStage stage, bool past)
    {
        Assert.Equal(valid, SessionFilter.TryParseStage(value, out var parsed, out var isPast));
        if (valid) Assert.Equal((stage, past), (parsed, isPast));
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-30", true)]
    [InlineData("2026-11-01", "2026-11-01", true)]
    [InlineData("2025-11-01", "2026-10-31", true)]  // 365 days
    [InlineData("2025-11-01", "2026-11-01", true)]  // 366 days: a report's longest
    [InlineData("2025-11-01", "2026-11-02", false)] // 367
    [InlineData("2026-11-01", null, false)]
    [InlineData(null, "2026-11-01", false)]
    [InlineData("2026-11-02", "2026-11-01", false)]
    [InlineData("2026-13-01", "2026-11-01", false)]
    public void The_list_counts_only_within_a_reports_range(string? from, string? to, bool countable) =>
        Assert.Equal(countable, new SessionFilter(From: from, To: to).IsCountable);

    [Theory]
    [InlineData("_", true)]
    [InlineData("%", true)]
    [InlineData("ан", true)]
    [InlineData(" а б в ", true)]  // letters, but no three in a row: no trigram to look up
    [InlineData("7-9", true)]
    [InlineData("анн", false)]
    [InlineData("100%_", false)]
    [InlineData("+7 (912) 345", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_search_without_three_letters_or_digits_in_a_row_is_short(string? q, bool isShort) =>
        Assert.Equal(isShort, SessionFilter.IsShortQuery(q));
}
