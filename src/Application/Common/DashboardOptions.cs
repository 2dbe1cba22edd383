namespace AgentP.Application.Common;

/// <summary>The <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>IANA id of the time zone for salons without their own setting.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Moscow";

    /// <summary>How far back the hourly job fills missing days of metrics.</summary>
    public int MetricsBackfillDays { get; set; } = 400;

    /// <summary>Metrics chunks (31 days each) collected at once, each on its own connection: the database's cores to use.</summary>
    public int MetricsParallelism { get; set; } = 2;

    /// <summary>Run the scheduled jobs in this process (several instances share them through the clustered store).</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>How long after a start the metrics job runs once, to fill the days missed while no instance ran.</summary>
    public TimeSpan StartupCollectionDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Behind a reverse proxy: take the client's address and scheme from X-Forwarded-* (from the trusted proxies only).</summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Apply pending migrations of schema <c>dashboard</c> when the dashboard starts serving.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Sign-in attempts per client address and minute (on top of the per-account lockout).</summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary>
    /// The address users open the dashboard at (<c>https://dashboard.example.com</c>), for links passed on outside it
    /// (password reset). Unset, such a link is only its path.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>CSV exports per user and minute.</summary>
    public int ExportsPerMinute { get; set; } = 30;

    /// <summary>
    /// How long the Overview and Platform reuse a salon's figures (seconds; 0 reads them on every request): today's live
    /// figures at most this long, closed days until the next collection or at most this long. Every page reuses a salon's time
    /// zone as long (see <see cref="TenantTimeZones"/>).
    /// </summary>
    public int ReportCacheSeconds { get; set; } = 30;

    /// <summary>
    /// How much the cache holds at most on one instance, in megabytes of its values serialized (HybridCache measures each
    /// value so); beyond it the least recently used go first. A value larger than a quarter of it is not cached.
    /// </summary>
    public int CacheMegabytes { get; set; } = 128;

    /// <summary>
    /// How long one database statement of a page or an export may run (seconds; 0: no limit), on the server
    /// (<c>statement_timeout</c>): past it the page answers 503 and asks to narrow the filter. Jobs and command-line verbs
    /// keep their own, longer timeouts.
    /// </summary>
    public int QueryTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Heavy requests (reports, filtered lists, exports) one user may have running at once; one more is refused with 429
    /// rather than queued, so that one user cannot fill the database the bot shares.
    /// </summary>
    public int HeavyRequestsPerUser { get; set; } = 3;

    /// <summary>
    /// Heavy requests one instance runs at once, all users together; the next ones wait their turn (up to
    /// <see cref="HeavyQueuePerInstance"/> of them, then 429). The database is the bot's: a dozen uncached reports at once
    /// would take every core from the bot's turns, a few at a time leave it its share. Above <see cref="HeavyRequestsPerUser"/>,
    /// so that one user never holds them all. Exports are not counted here (a download holds its permit while it is read).
    /// </summary>
    public int HeavyRequestsPerInstance { get; set; } = 6;

    /// <summary>How many heavy requests may wait for <see cref="HeavyRequestsPerInstance"/>; one more is refused with 429.</summary>
    public int HeavyQueuePerInstance { get; set; } = 200;

    /// <summary>How far back escalated dialogs become cases; older ones (history before the dashboard) are left alone.</summary>
    public int EscalationLookbackDays { get; set; } = 7;
}
