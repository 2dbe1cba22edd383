namespace AgentP.Application.Platform;

/// <summary>
/// One active salon's summed counts over a range, for ranking it among the platform's salons (<see cref="SalonPercentiles"/>).
/// Anonymous by design: a salon admin's request computes its own percentiles from these and is never shown them.
/// </summary>
public sealed record SalonFigures(Guid TenantId, long Dialogs, long Bookings, long Escalated, long AnsweredMessages, double ResponseMsTotal)
{
    public decimal Conversion => Domain.Dashboard.DailyMetrics.ConversionOf(Bookings, Dialogs);
    public decimal Containment => Domain.Dashboard.DailyMetrics.ConversionOf(Dialogs - Escalated, Dialogs);
    public decimal EscalationShare => Domain.Dashboard.DailyMetrics.ConversionOf(Escalated, Dialogs);
    /// <summary>Null when no user message was answered: such a salon is left out of the response-time comparison.</summary>
    public double? AvgResponseMs => AnsweredMessages == 0 ? null : ResponseMsTotal / AnsweredMessages;
}
