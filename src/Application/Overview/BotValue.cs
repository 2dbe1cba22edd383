using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;

namespace AgentP.Application.Overview;

/// <summary>
/// What the bot is worth over a set of salon-days (issue 24; definitions in docs/architecture.md §5): the dialogs, bookings and
/// RUB revenue that started outside opening hours, the admin time its replies saved, the average check, the cost per booking
/// when the salon entered its fee, and the revenue lost at each drop-off stage. Money is RUB, as the revenue card counts it.
/// </summary>
public sealed record BotValue(
    long Dialogs, long Bookings, decimal Revenue, long AfterHoursDialogs, long AfterHoursBookings, decimal AfterHoursRevenue,
    long BotReplies, decimal AdminHoursSaved, long PricedBookings, decimal? BotCost, long BookingsOfFeeSalons,
    IReadOnlyList<LostRevenue> Lost, int ResolvedWithTarget = 0, int ResolvedOnTime = 0)
{
    /// <summary>Of the cases resolved in the span in salons with an answer target, the share answered within it; null when none.</summary>
    public decimal? OnTimeShare => ResolvedWithTarget == 0 ? null : DailyMetrics.ConversionOf(ResolvedOnTime, ResolvedWithTarget);

    /// <summary>After-hours dialogs ÷ dialogs × 100.</summary>
    public decimal AfterHoursShare => DailyMetrics.ConversionOf(AfterHoursDialogs, Dialogs);

    /// <summary>RUB revenue ÷ the bookings that carry a RUB amount; null without such bookings.</summary>
    public decimal? AverageCheck => PricedBookings == 0 ? null : Math.Round(Revenue / PricedBookings, 2, MidpointRounding.AwayFromZero);

    /// <summary>The fee of the range's days ÷ the bookings of the salons that entered a fee; null without a fee or bookings.</summary>
    public decimal? CostPerBooking => BotCost is { } cost && BookingsOfFeeSalons > 0
        ? Math.Round(cost / BookingsOfFeeSalons, 2, MidpointRounding.AwayFromZero) : null;

    public decimal LostRevenueTotal => Lost.Sum(l => l.Amount);

    /// <param name="minutesPerReply">Each salon's admin minutes per bot reply (a salon not listed: the default).</param>
    /// <param name="monthlyFees">The salons that entered a monthly fee; each day costs its month's share of it.</param>
    public static BotValue Of(IEnumerable<DailyMetrics> days, IReadOnlyDictionary<Guid, decimal> minutesPerReply,
        IReadOnlyDictionary<Guid, decimal> monthlyFees)
    {
        long dialogs = 0, bookings = 0, afterDialogs = 0, afterBookings = 0, replies = 0, priced = 0, feeBookings = 0;
        long atService = 0, atStaff = 0, atDate = 0, atTime = 0;
        decimal revenue = 0, afterRevenue = 0, minutes = 0, cost = 0;
        var anyFee = false;
        foreach (var d in days)
        {
            dialogs += d.DialogsStarted; bookings += d.Bookings; revenue += d.TotalRevenue;
            afterDialogs += d.AfterHoursDialogs; afterBookings += d.AfterHoursBookings; afterRevenue += d.AfterHoursRevenue;
            replies += d.BotReplies; priced += d.PricedBookings;
            minutes += d.BotReplies * minutesPerReply.GetValueOrDefault(d.TenantId, TenantSettings.DefaultMinutesPerReply);
            atService += d.DroppedAtService; atStaff += d.DroppedAtStaff; atDate += d.DroppedAtDate; atTime += d.DroppedAtTime;
            if (monthlyFees.TryGetValue(d.TenantId, out var fee))
            {
                anyFee = true;
                cost += fee / DateTime.DaysInMonth(d.Day.Year, d.Day.Month);
                feeBookings += d.Bookings;
            }
        }
        var averageCheck = priced == 0 ? 0m : revenue / priced;
        var lost = new List<LostRevenue>(4);
        var past = dialogs;
        foreach (var (stage, dropped) in new[]
                 {
                     (DropOffStage.ServiceSelection, atService), (DropOffStage.StaffSelection, atStaff),
                     (DropOffStage.DateSelection, atDate), (DropOffStage.TimeSelection, atTime),
                 })
        {
            past -= dropped; // the dialogs that got past this stage
            var amount = past <= 0 ? 0m : dropped * ((decimal)bookings / past) * averageCheck;
            lost.Add(new LostRevenue(stage, dropped, Math.Round(amount, 2, MidpointRounding.AwayFromZero)));
        }
        return new BotValue(dialogs, bookings, revenue, afterDialogs, afterBookings, afterRevenue, replies,
            Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero), priced, anyFee ? Math.Round(cost, 2, MidpointRounding.AwayFromZero) : null,
            feeBookings, lost);
    }
}
