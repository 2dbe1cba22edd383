using AgentP.Domain.Dashboard;

namespace AgentP.Application.Overview;

/// <summary>
/// The KPIs of a set of salon-days (docs/architecture.md §5). Rates are recomputed from the summed counts, never averaged from
/// daily rates; the response time is weighted by the answered messages of each day.
/// </summary>
public sealed record OverviewTotals(
    long Dialogs, long Bookings, decimal Revenue, long Escalated, long Dropped, long AnsweredMessages, double AvgResponseMs,
    long FunnelCompleted, long DroppedAtService, long DroppedAtStaff, long DroppedAtDate, long DroppedAtTime,
    long Telegram, long Whatsapp, long Positive, long Neutral, long Negative,
    IReadOnlyList<TopItem> TopServices, IReadOnlyList<TopItem> TopStaff, IReadOnlyDictionary<string, decimal> RevenueByCurrency,
    long Attended, long NoShows, decimal AttendedRevenue)
{
    /// <summary>Share of the settled bookings (came or did not come) the client did not come to.</summary>
    public decimal NoShowRate => DailyMetrics.ConversionOf(NoShows, Attended + NoShows);

    public decimal Conversion => DailyMetrics.ConversionOf(Bookings, Dialogs);
    public decimal EscalationRate => DailyMetrics.ConversionOf(Escalated, Dialogs);
    public decimal DropRate => DailyMetrics.ConversionOf(Dropped, Dialogs);

    /// <summary>The funnel's completed share: dialogs without a drop-off stage or ended <c>done</c> (001 §7.1), ÷ dialogs × 100.</summary>
    public decimal FunnelCompletedRate => DailyMetrics.ConversionOf(FunnelCompleted, Dialogs);

    /// <summary>Containment: the share of dialogs the bot handled alone, without handing them to a human (not escalated).</summary>
    public decimal Containment => DailyMetrics.ConversionOf(Dialogs - Escalated, Dialogs);

    /// <summary>The funnel: how many dialogs got past each step (the spec's v_conversion_funnel drop-offs).</summary>
    public IReadOnlyList<long> Funnel
    {
        get
        {
            var pastService = Dialogs - DroppedAtService;
            var pastStaff = pastService - DroppedAtStaff;
            var pastDate = pastStaff - DroppedAtDate;
            var pastTime = pastDate - DroppedAtTime;
            return [Dialogs, pastService, pastStaff, pastDate, pastTime, Bookings];
        }
    }

    /// <remarks>One pass over the days (the Platform page sums every salon's, twice, per request).</remarks>
    /// <param name="salons">
    /// For a view of several salons, their names: staff and services belong to their salon, so the top lists keep Ирина of
    /// one salon apart from Ирина of another and name each one's salon. Without it (one salon) they merge by name.
    /// </param>
    public static OverviewTotals Of(IEnumerable<DailyMetrics> days, IReadOnlyDictionary<Guid, string>? salons = null)
    {
        long dialogs = 0, bookings = 0, escalated = 0, dropped = 0, answered = 0, completed = 0, atService = 0, atStaff = 0, atDate = 0,
            atTime = 0, telegram = 0, whatsapp = 0, positive = 0, neutral = 0, negative = 0, attended = 0, noShows = 0;
        decimal revenue = 0, attendedRevenue = 0;
        double responseMs = 0;
        List<(Guid Salon, RankedItem Item)>? services = null, staff = null;
        Dictionary<string, decimal>? currencies = null;
        foreach (var d in days)
        {
            dialogs += d.DialogsStarted; bookings += d.Bookings; revenue += d.TotalRevenue;
            escalated += d.Escalated; dropped += d.Dropped;
            answered += d.AnsweredMessages; responseMs += (double)d.AvgResponseMs * d.AnsweredMessages;
            completed += d.FunnelCompleted; atService += d.DroppedAtService; atStaff += d.DroppedAtStaff;
            atDate += d.DroppedAtDate; atTime += d.DroppedAtTime;
            telegram += d.TelegramDialogs; whatsapp += d.WhatsappDialogs;
            positive += d.PositiveDialogs; neutral += d.NeutralDialogs; negative += d.NegativeDialogs;
            attended += d.AttendedBookings; noShows += d.NoShowBookings; attendedRevenue += d.AttendedRevenue;
            if (d.TopServices.Count > 0) (services ??= []).AddRange(d.TopServices.Select(i => (d.TenantId, i)));
            if (d.TopStaff.Count > 0) (staff ??= []).AddRange(d.TopStaff.Select(i => (d.TenantId, i)));
            foreach (var (currency, amount) in d.RevenueByCurrency)
                (currencies ??= [])[currency] = (currencies.TryGetValue(currency, out var sum) ? sum : 0) + amount;
        }
        return new OverviewTotals(dialogs, bookings, revenue, escalated, dropped, answered, answered == 0 ? 0 : responseMs / answered,
            completed, atService, atStaff, atDate, atTime, telegram, whatsapp, positive, neutral, negative,
            services is null ? [] : Top(services, salons), staff is null ? [] : Top(staff, salons), currencies ?? [],
            attended, noShows, attendedRevenue);
    }

    private static Dictionary<string, decimal>? OtherCurrencies(IEnumerable<Dictionary<string, decimal>?> maps)
    {
        Dictionary<string, decimal>? sums = null;
        foreach (var map in maps)
            foreach (var (currency, amount) in map ?? [])
                (sums ??= [])[currency] = sums.GetValueOrDefault(currency) + amount;
        return sums;
    }

    // Daily top-10 lists merged: exact for any name in a day's top 10, which is every name on a salon's ordinary day.
    private static List<TopItem> Top(IEnumerable<(Guid Salon, RankedItem Item)> items, IReadOnlyDictionary<Guid, string>? salons) =>
        items.GroupBy(i => (Salon: salons is null ? Guid.Empty : i.Salon, i.Item.Name))
            .Select(g => new TopItem(g.Key.Name, g.Sum(i => i.Item.Bookings), g.Sum(i => i.Item.Revenue),
                salons is null ? null : salons.GetValueOrDefault(g.Key.Salon, "—"), salons is null ? null : g.Key.Salon,
                OtherCurrencies(g.Select(i => i.Item.Other))))
            .OrderByDescending(i => i.Bookings).ThenByDescending(i => i.Revenue).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ThenBy(i => i.Salon, StringComparer.Ordinal)
            .Take(10).ToList();
}

/// <summary>
/// An entry of a top list over a period; <see cref="Salon"/> names its salon (<see cref="SalonId"/>) in a view of several salons.
/// <see cref="Revenue"/> is RUB, as the revenue card counts; <see cref="Other"/> holds other currencies apart (null when none).
/// </summary>
public sealed record TopItem(string Name, int Bookings, decimal Revenue, string? Salon = null, Guid? SalonId = null,
    IReadOnlyDictionary<string, decimal>? Other = null);

/// <summary>
/// One period of the charts, the tables and the CSV (a day, an ISO week or a calendar month; all salons of the scope summed):
/// its first and last day within the range, whether the range cuts it, and its figures, rates recomputed from its summed counts.
/// </summary>
public sealed record OverviewPeriod(
    DateOnly From, DateOnly To, bool Partial, long Dialogs, long Bookings, decimal Revenue, double AvgResponseMs, long Escalated, long Dropped,
    BotValue? Value = null)
{
    public decimal Conversion => DailyMetrics.ConversionOf(Bookings, Dialogs);

    /// <inheritdoc cref="OverviewTotals.Containment"/>
    public decimal Containment => DailyMetrics.ConversionOf(Dialogs - Escalated, Dialogs);

    public static IReadOnlyList<OverviewPeriod> Of(IEnumerable<DailyMetrics> rows, ReportPeriod range, string grouping, DateOnly? today = null)
    {
        var buckets = ReportGrouping.Split(range, grouping, today);
        // Only the counts a chart needs: no top lists or currency maps are merged per period.
        var sums = new (long Dialogs, long Bookings, long Escalated, long Dropped, long Answered, decimal Revenue, double ResponseWeight)[buckets.Count];
        foreach (var r in rows)
        {
            if (!range.Contains(r.Day)) continue;
            var i = Index(buckets, r.Day);
            var s = sums[i];
            sums[i] = (s.Dialogs + r.DialogsStarted, s.Bookings + r.Bookings, s.Escalated + r.Escalated, s.Dropped + r.Dropped,
                s.Answered + r.AnsweredMessages, s.Revenue + r.TotalRevenue, s.ResponseWeight + (double)r.AvgResponseMs * r.AnsweredMessages);
        }
        return buckets.Select((b, i) => new OverviewPeriod(b.From, b.To, b.Partial, sums[i].Dialogs, sums[i].Bookings, sums[i].Revenue,
            sums[i].Answered == 0 ? 0 : sums[i].ResponseWeight / sums[i].Answered, sums[i].Escalated, sums[i].Dropped)).ToList();
    }

    private static int Index(IReadOnlyList<ReportBucket> buckets, DateOnly day)
    {
        int lo = 0, hi = buckets.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (buckets[mid].To < day) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
