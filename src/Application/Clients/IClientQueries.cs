namespace AgentP.Application.Clients;

/// <summary>The clients list's SQL; Infrastructure.</summary>
public interface IClientQueries
{
    /// <summary>
    /// How many clients the filter finds (whatever the due filter) are due for a visit. <paramref name="today"/> is the scope's
    /// (its salon's, or the default zone's for all salons); in the all-salons view each salon is due by its own today, and the
    /// filter's days are each salon's own.
    /// </summary>
    Task<int> CountDueAsync(Guid? tenantId, ClientFilter filter, DateOnly today, CancellationToken cancellationToken);

    /// <summary>A page: after <paramref name="after"/> (the list's order) or <paramref name="afterDue"/> (the due list's).</summary>
    Task<IReadOnlyList<ClientRow>> PageAsync(Guid? tenantId, ClientFilter filter, DateOnly today, (DateTimeOffset At, Guid Id)? after,
        (DateOnly DueOn, Guid Id)? afterDue, int take, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="take"/> clients of the filter, as the list orders them, in one query read as it goes.</summary>
    IAsyncEnumerable<ClientRow> StreamAsync(Guid? tenantId, ClientFilter filter, DateOnly today, int take, CancellationToken cancellationToken);
}
