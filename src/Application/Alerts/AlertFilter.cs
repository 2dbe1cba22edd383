using AgentP.Application.Common;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using FluentValidation;

namespace AgentP.Application.Alerts;

/// <summary>
/// The alerts list's filter, as it comes from the query string (the page and its export share it): state (open by
/// default, acknowledged or all), kind, severity and a range of the alerts' days.
/// </summary>
public sealed record AlertFilter(string? State = null, string? Kind = null, string? Severity = null, string? From = null, string? To = null)
{
    /// <summary>The alerts the filter keeps, open ones first, then the newest day first.</summary>
    public IQueryable<Alert> Ordered(IQueryable<Alert> alerts)
    {
        alerts = (State ?? "open") switch
        {
            "open" => alerts.Where(a => a.AcknowledgedAt == null),
            "acknowledged" => alerts.Where(a => a.AcknowledgedAt != null),
            _ => alerts,
        };
        if (Codes.TryParse<AlertKind>(Kind, out var kind)) alerts = alerts.Where(a => a.Kind == kind);
        if (Codes.TryParse<AlertSeverity>(Severity, out var severity)) alerts = alerts.Where(a => a.Severity == severity);
        if (ReportPeriod.TryParseDate(From, out var from)) alerts = alerts.Where(a => a.Day >= from);
        if (ReportPeriod.TryParseDate(To, out var to)) alerts = alerts.Where(a => a.Day <= to);
        return alerts.OrderBy(a => a.AcknowledgedAt != null).ThenByDescending(a => a.Day).ThenBy(a => a.Id);
    }
}

public sealed class AlertFilterValidator : AbstractValidator<AlertFilter>
{
    public AlertFilterValidator()
    {
        RuleFor(x => x.State).Must(s => s is null or "open" or "acknowledged" or "all").WithMessage("Состояние — open, acknowledged или all.");
        RuleFor(x => x.Kind).Must(k => k is null || Codes.TryParse<AlertKind>(k, out _)).WithMessage("Неизвестный вид алерта.");
        RuleFor(x => x.Severity).Must(s => s is null || Codes.TryParse<AlertSeverity>(s, out _)).WithMessage("Неизвестная важность.");
        RuleFor(x => x.From).OptionalDay("с");
        RuleFor(x => x.To).OptionalDay("по");
    }
}
