namespace AgentP.Application.Alerts;

/// <summary>
/// Raises the alerts of collected salon-days against each salon's thresholds (Infrastructure, set-based SQL).
/// At most one alert per salon, kind and day: a unique key, so repeated evaluation inserts nothing twice.
/// </summary>
public interface IAlertEvaluator
{
    /// <summary>Returns how many new alerts were raised.</summary>
    Task<int> EvaluateAsync(DateOnly from, DateOnly to, Guid? tenantId, Common.ScopeZones zones, DateTimeOffset now, CancellationToken cancellationToken);
}
