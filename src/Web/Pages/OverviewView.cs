using System.Text.Json;
using AgentP.Application.Overview;
using AgentP.Domain.Common;

namespace AgentP.Web.Pages;

/// <summary>
/// What the Overview page shows of an <see cref="OverviewReport"/>, built in C# so it is tested without a browser: the KPI
/// cards (value, change against the previous period, the dialogs they drill into) and the charts' data with their links
/// (the JSON block <c>overview.js</c> reads). The view only renders it.
/// </summary>
public sealed class OverviewView
{
    /// <param name="Drill">The dialogs behind the card: the sessions list's address and the count it adds up to.</param>
    public sealed record Kpi(string Id, string Label, string Value, Change? Change, (string Href, long Count)? Drill);

    public IReadOnlyList<Kpi> Kpis { get; }

    /// <summary>The funnel's bars in the order of <see cref="OverviewTotals.Funnel"/>: the chart's and the table's.</summary>
    public IReadOnlyList<string> FunnelLabels { get; }

    /// <summary>The charts' data, labels and drill-down links, as the page's <c>overview-data</c> JSON block.</summary>
    public string ChartJson { get; }

    private OverviewView(IReadOnlyList<Kpi> kpis, IReadOnlyList<string> funnelLabels, string chartJson) =>
        (Kpis, FunnelLabels, ChartJson) = (kpis, funnelLabels, chartJson);

    /// <param name="t">The localizer: a Russian resource key to the UI language's text.</param>
    public static OverviewView From(OverviewReport r, Func<string, string> t)
    {
        var c = r.Current;
        var p = r.Previous;
        Kpi Card(string id, string label, string value, Change? change) =>
            new(id, t(label), value, change, DrillDown.Kpi(id, c) is { } drill ? (DrillDown.Sessions(r.Period.From, r.Period.To, drill.Filter), drill.Count) : null);
        var cc = r.ComparedCurrent; // changes: closed days against as many before them (today's first hours are no whole day)
        var kpis = new[]
        {
            Card("dialogs", "Диалоги", Formatting.Number(c.Dialogs), Change.Relative(cc.Dialogs, p.Dialogs)),
            Card("bookings", "Записи", Formatting.Number(c.Bookings), Change.Relative(cc.Bookings, p.Bookings)),
            Card("conversion", "Конверсия", Formatting.Rate(c.Conversion, c.Dialogs), Change.Points(cc.Conversion, p.Conversion, p.Dialogs)),
            Card("revenue", "Выручка", Formatting.Money(c.Revenue), Change.Relative((double)cc.Revenue, (double)p.Revenue)),
            Card("response", "Время ответа", Formatting.Duration(c.AvgResponseMs), Change.Relative(cc.AvgResponseMs, p.AvgResponseMs, higherIsBetter: false)),
            Card("escalation", "Эскалации", Formatting.Rate(c.EscalationRate, c.Dialogs), Change.Points(cc.EscalationRate, p.EscalationRate, p.Dialogs, higherIsBetter: false)),
            Card("containment", "Бот справился сам", Formatting.Rate(c.Containment, c.Dialogs), Change.Points(cc.Containment, p.Containment, p.Dialogs)),
        };

        var funnelLabels = new[] { t("Диалоги"), t("Выбрали услугу"), t("Выбрали мастера"), t("Выбрали дату"), t("Выбрали время"), t("Записались") };
        var data = new
        {
            days = r.Periods.Select(d => IndexModel.PeriodLabel(d, r.Grouping, chart: true)),
            dialogs = r.Periods.Select(d => d.Dialogs),
            bookings = r.Periods.Select(d => d.Bookings),
            // No dialogs, or today's first hours by day: a gap, not 0 % or a spike from a handful of dialogs.
            conversion = r.Periods.Select(d => Gap(d) ? (decimal?)null : d.Conversion),
            containment = r.Periods.Select(d => Gap(d) ? (decimal?)null : d.Containment),
            funnel = new { labels = funnelLabels, values = c.Funnel },
            services = new { labels = c.TopServices.Select(s => s.Salon is null ? new[] { s.Name } : new[] { s.Name, s.Salon }), bookings = c.TopServices.Select(s => s.Bookings) },
            channels = new { labels = new[] { "Telegram", "WhatsApp" }, values = new[] { c.Telegram, c.Whatsapp } },
            sentiment = new { labels = new[] { t("Позитив"), t("Нейтрально"), t("Негатив") }, values = new[] { c.Positive, c.Neutral, c.Negative } },
            links = new
            {
                daily = new[] { r.Periods.Select(p => DrillDown.Sessions(p.From, p.To)), r.Periods.Select(p => DrillDown.Sessions(p.From, p.To, DrillDown.Bookings)) },
                contained = r.Periods.Select(p => DrillDown.Sessions(p.From, p.To, DrillDown.Contained)),
                funnel = new[] { c.Funnel.Select((_, i) => DrillDown.Sessions(r.Period.From, r.Period.To, DrillDown.FunnelStage(i))) },
                services = new[] { c.TopServices.Select(s => DrillDown.Sessions(r.Period.From, r.Period.To, DrillDown.Service(s.Name), s.SalonId)) },
                channels = new[] { new[] { Channel.Telegram, Channel.Whatsapp }.Select(ch => DrillDown.Sessions(r.Period.From, r.Period.To, DrillDown.Channel(ch))) },
                sentiment = new[] { Enum.GetValues<Sentiment>().Select(m => DrillDown.Sessions(r.Period.From, r.Period.To, DrillDown.Sentiment(m))) },
            },
            l = new { dialogs = t("Диалоги"), bookings = t("Записи"), conversion = t("Конверсия, %"), revenue = t("Выручка, ₽"), containment = t("Бот справился сам, %") },
        };
        return new OverviewView(kpis, funnelLabels, JsonSerializer.Serialize(data));

        bool Gap(OverviewPeriod d) => d.Dialogs == 0 || (r.Grouping == ReportGrouping.Day && d.From == r.Today);
    }
}
