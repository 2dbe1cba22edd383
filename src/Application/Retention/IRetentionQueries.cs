using System.ComponentModel;
using AgentP.Application.Common;

namespace AgentP.Application.Retention;

/// <summary>Retention's SQL (Infrastructure).</summary>
public interface IRetentionQueries
{
    /// <summary>
    /// Clients with a dialog per period (<paramref name="group"/>, clipped to the range) split into new and returning;
    /// the cohorts of the months <paramref name="firstMonth"/>…<paramref name="lastMonth"/>: their size, and per later month
    /// (1…<see cref="GetRetention.CohortMonths"/>) the clients with a dialog and with a booking. Each salon's days in its own
    /// zone (<paramref name="zones"/>): the dates are calendar dates that every salon reads on its own clock.
    /// </summary>
    Task<RetentionFigures> ComputeAsync(Guid? tenantId, ScopeZones zones, DateOnly from, DateOnly to, string group,
        DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken);
}

/// <summary>What the SQL counts (cached, so records the cache can serialize).</summary>
[ImmutableObject(true)]
public sealed record RetentionFigures(IReadOnlyList<PeriodFigure> Periods, IReadOnlyList<CohortSize> Cohorts, IReadOnlyList<CohortLater> Later);

[ImmutableObject(true)]
public sealed record PeriodFigure(DateOnly Period, int New, int Returning);

[ImmutableObject(true)]
public sealed record CohortSize(DateOnly Month, int Clients);

[ImmutableObject(true)]
public sealed record CohortLater(DateOnly Month, int Offset, int WithDialog, int WithBooking);
