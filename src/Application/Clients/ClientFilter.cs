namespace AgentP.Application.Clients;

/// <summary>
/// What the clients list shows. Besides the search and the due filter, the retention page's drill-downs: clients whose
/// first dialog ever fell in <see cref="FirstFrom"/>…<see cref="FirstTo"/>, and/or who had a dialog (<see cref="Kind"/>
/// <c>booking</c>: a booked one) in <see cref="ActiveFrom"/>…<see cref="ActiveTo"/>; salon-local days, yyyy-MM-dd.
/// The due list is ordered by how overdue each client is, most overdue first.
/// </summary>
public sealed record ClientFilter(string? Q = null, bool Due = false, string? FirstFrom = null, string? FirstTo = null,
    string? ActiveFrom = null, string? ActiveTo = null, string? Kind = null)
{
    /// <summary>The first dialog's days; without <see cref="FirstFrom"/>, any time before <see cref="FirstTo"/> (returning clients).</summary>
    public (DateOnly From, DateOnly To)? FirstRange => Range(FirstFrom ?? (FirstTo is null ? null : "2000-01-01"), FirstTo);
    public (DateOnly From, DateOnly To)? ActiveRange => Range(ActiveFrom, ActiveTo);
    public bool Booked => Kind == "booking";

    private static (DateOnly, DateOnly)? Range(string? from, string? to) =>
        Overview.ReportPeriod.TryParseDate(from, out var f) && Overview.ReportPeriod.TryParseDate(to, out var t) ? (f, t) : null;
}
