using AgentP.Application.Common.Caching;
using AgentP.Application.Attention;
using AgentP.Application.Bookings;
using AgentP.Application.Common;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Metrics;
using AgentP.Application.Tenants;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Overview;

/// <summary>
/// The Overview of the unit of work's scope for a range (already validated): what <see cref="GetOverview"/> shows and
/// <see cref="ExportOverview"/> exports.
/// </summary>
public sealed class OverviewReports(
    IDashboardDb db, IPublicData bot, ITenantContext tenant, TenantTimeZones zones, ReportCache reports, AttentionCounter attention, ScopedCache cache,
    SalonDirectory directory,
    YclientsConnection yclients, Escalations.AnswerTargets answerTargets, Platform.PlatformPercentiles percentiles, TimeProvider clock)
{
    /// <param name="group">The grouping into periods; null: the one the range's length chooses (<see cref="ReportGrouping.ForRequest"/>).</param>
    public async Task<OverviewReport> BuildAsync(string? range, string? from, string? to, string? group, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        string? salon = null;
        IReadOnlyDictionary<Guid, string>? salons = null; // all salons: top staff and services name their salon
        if (scope is null)
            salons = (await directory.AllAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
        else if (scope is { } id)
            salon = await directory.NameAsync(id, cancellationToken) ?? throw new NotFoundException("Салон не найден.");

        var zone = await zones.ForAsync(scope, cancellationToken);
        var now = clock.GetUtcNow();
        var today = LocalDay.Of(now, zone);
        var period = ReportPeriod.Resolve(range, from, to, today);
        var previous = period.Previous;
        var grouping = group ?? ReportGrouping.ForRequest(range, from, to) ?? ReportGrouping.For(period.Days);

        // Closed days from the pre-aggregated table (the tenant filter scopes it), today live from public.
        var lastCollected = await reports.CollectedAtAsync(ct => db.MetricsDailies.MaxAsync(m => (DateTimeOffset?)m.UpdatedAt, ct), cancellationToken);
        var rows = (await reports.ClosedDaysAsync(nameof(GetOverview), previous.From, period.To, lastCollected, async ct =>
            await db.MetricsDailies.AsNoTracking().Where(m => m.Day >= previous.From && m.Day <= period.To && m.Day < today)
                .ToListAsync(ct), cancellationToken)).ToList();
        TodayFigures? todayFigures = null;
        if (period.Contains(today))
        {
            var live = await reports.TodayAsync(scope, today, now, cancellationToken);
            rows.AddRange(live);
            todayFigures = new TodayFigures(today, zone.Id, OverviewTotals.Of(live), now); // what the page's today strip polls
        }
        var waiting = (await attention.CountAsync(cancellationToken)).WaitingEscalations;
        var resolved = await cache.GetAsync(CacheTags.Attention, ct => ResolvedAsync(period, zone, ct), cancellationToken, "resolved", period.From, period.To);
        // Attendance needs credentials: without them the page says "not connected" rather than showing zeros.
        // The tenant filter keeps a salon to its own row (as Settings says it); the all-salons view: whether any salon is connected.
        var connected = await cache.GetAsync(CacheTags.Salons, async ct =>
            (await bot.Tenants.Where(t => t.IsActive).Select(t => t.Metadata).ToListAsync(ct))
            .Any(yclients.IsConnected), cancellationToken, "yclients-connected");

        // The bot's value (issue 24): each salon's minutes per reply and monthly fee (the tenant filter keeps a salon to its own).
        var valueSettings = await cache.GetAsync(CacheTags.Settings, async ct =>
            (await db.TenantSettings.AsNoTracking().Select(t => new { t.TenantId, t.MinutesPerReply, t.MonthlyBotFee }).ToListAsync(ct))
            .Select(t => new BotValueSetting(t.TenantId, t.MinutesPerReply, t.MonthlyBotFee)).ToList(), cancellationToken, "bot-value-settings");
        var minutes = valueSettings.ToDictionary(t => t.TenantId, t => t.MinutesPerReply);
        var fees = valueSettings.Where(t => t.MonthlyBotFee is > 0).ToDictionary(t => t.TenantId, t => t.MonthlyBotFee!.Value);
        var buckets = ReportGrouping.Split(period, grouping);
        // Answered on time, by the local day (the report's zone) each case was resolved on.
        var (spanFrom, spanTo) = LocalDay.UtcRange(period.From, period.To, zone);
        var onTime = (await cache.GetAsync(CacheTags.Attention, ct => answerTargets.ResolvedAsync(spanFrom, spanTo, ct), cancellationToken,
            "answered-on-time", period.From, period.To)).Select(c => (Day: LocalDay.Of(c.ClosedAt, zone), c.OnTime)).ToList();
        BotValue ValueOf(IEnumerable<DailyMetrics> days, DateOnly first, DateOnly last)
        {
            var cases = onTime.Where(c => c.Day >= first && c.Day <= last).ToList();
            return BotValue.Of(days, minutes, fees) with { ResolvedWithTarget = cases.Count, ResolvedOnTime = cases.Count(c => c.OnTime) };
        }
        var periods = OverviewPeriod.Of(rows, period, grouping, today).Select((p, i) =>
            p with { Value = ValueOf(rows.Where(r => r.Day >= buckets[i].From && r.Day <= buckets[i].To), buckets[i].From, buckets[i].To) }).ToList();

        // One salon against the platform: its percentiles only, as /platform shows them (PlatformPercentiles).
        Platform.SalonPercentiles? rank = null;
        if (scope is { } salonId)
            rank = await percentiles.OfAsync(salonId, period.From, period.To, lastCollected, cancellationToken);

        // What clients wrote before they left: the dialog index job's counts per salon-day (dialog_word_days) summed over the
        // range, days × terms whatever the number of dialogs (the tenant filter scopes it).
        var words = await cache.GetAsync(CacheTags.DialogIndex, async ct =>
        {
            var counts = await db.DialogWordDays.AsNoTracking().Where(w => w.Day >= period.From && w.Day <= period.To)
                .GroupBy(w => new { w.Stage, w.Term }).Select(g => new { g.Key.Stage, g.Key.Term, Dialogs = g.Sum(w => w.Dialogs) }).ToListAsync(ct);
            return new LeavingWordsReport(Enum.GetValues<DropOffStage>().Select(stage => new StageWords(stage,
                counts.Where(c => c.Stage == stage.ToCode()).OrderByDescending(c => c.Dialogs).ThenBy(c => c.Term, StringComparer.Ordinal)
                    .Take(LeavingWordsReport.TermsPerStage).Select(c => new TermCount(c.Term, c.Dialogs)).ToList())).ToList());
        }, cancellationToken, "leaving-words", period.From, period.To);

        // A period that runs into today is compared by its closed days only, against as many days of the previous period
        // (aligned from its start): today's first hours against all of a past day would read as a collapse. Today alone
        // has no closed day, and no comparison.
        OverviewTotals? compared = null;
        var comparedPrevious = previous;
        if (period.Contains(today))
        {
            var closed = today.DayNumber - period.From.DayNumber;
            compared = OverviewTotals.Of(rows.Where(r => r.Day >= period.From && r.Day < today), salons);
            comparedPrevious = new ReportPeriod(previous.From, previous.From.AddDays(closed - 1));
        }
        return new OverviewReport(salon, zone.Id, today, from is null ? range ?? ReportPeriod.DefaultRange : null, period,
            OverviewTotals.Of(rows.Where(r => period.Contains(r.Day)), salons),
            OverviewTotals.Of(rows.Where(r => comparedPrevious.Contains(r.Day)), salons),
            grouping, periods,
            lastCollected, new EscalationFigures(waiting, resolved.Count, resolved.Median), connected, todayFigures, Compared: compared,
            Value: ValueOf(rows.Where(r => period.Contains(r.Day)), period.From, period.To), Intents: IntentTrend.Of(rows, period, grouping), Rank: rank, Words: words);
    }

    /// <summary>How many cases were resolved in the period, and the median time it took.</summary>
    private async Task<(int Count, TimeSpan? Median)> ResolvedAsync(ReportPeriod period, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (from, to) = LocalDay.UtcRange(period.From, period.To, zone);
        var resolved = await db.EscalationCases
            .Where(c => c.Status == EscalationStatus.Resolved && c.ClosedAt >= from && c.ClosedAt < to && c.WaitingSince != null)
            .Select(c => new { c.ClosedAt, c.WaitingSince }).ToListAsync(cancellationToken);
        return (resolved.Count, EscalationFigures.Median(resolved.Select(c => c.ClosedAt!.Value - c.WaitingSince!.Value).ToList()));
    }
}
