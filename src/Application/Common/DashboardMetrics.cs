using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentP.Application.Common;

/// <summary>
/// The dashboard's own instruments (meter <see cref="MeterName"/>), exported by OpenTelemetry next to ASP.NET Core's
/// <c>http.server.request.duration</c>: job runs and their duration, notification outcomes, YClients answers.
/// </summary>
public sealed class DashboardMetrics
{
    public const string MeterName = "AgentP.Dashboard";

    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _notifications;
    private readonly Counter<long> _yclients;

    public DashboardMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _jobRuns = meter.CreateCounter<long>("agentp.job.runs", description: "Scheduled job runs by job and outcome");
        _jobDuration = meter.CreateHistogram<double>("agentp.job.duration", unit: "s", description: "How long a scheduled job ran");
        _notifications = meter.CreateCounter<long>("agentp.notifications", description: "Telegram messages by kind (alert, digest) and outcome");
        _yclients = meter.CreateCounter<long>("agentp.yclients.records", description: "YClients record look-ups by outcome");
    }

    public void JobRan(string job, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "success" : "failure" } };
        _jobRuns.Add(1, tags);
        _jobDuration.Record(duration.TotalSeconds, tags);
    }

    public void Notification(string kind, bool delivered) =>
        _notifications.Add(1, new TagList { { "kind", kind }, { "outcome", delivered ? "delivered" : "failed" } });

    public void YclientsRecord(string outcome) => _yclients.Add(1, new TagList { { "outcome", outcome } });
}
