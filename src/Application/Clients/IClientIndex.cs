namespace AgentP.Application.Clients;

/// <summary>The client index's SQL (Infrastructure). Every write takes one lock, so two instances (or the verb) take turns.</summary>
public interface IClientIndex
{
    /// <summary>
    /// Indexes up to <paramref name="rows"/> rows of <paramref name="source"/> changed since its mark less
    /// <paramref name="settle"/> (after <paramref name="after"/> within a run), and moves the mark; one transaction.
    /// </summary>
    Task<(int Rows, ChangeKey? Last)> IndexChangesAsync(ClientIndexSource source, ChangeKey? after, int rows, TimeSpan settle,
        CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="source"/> has been read to its end once: from then on pages read the index.</summary>
    Task MarkCaughtUpAsync(ClientIndexSource source, CancellationToken cancellationToken);

    /// <summary>Whether every source has been caught up with once (before that, pages read the bot's tables live). Platform-wide.</summary>
    Task<bool> ReadyAsync(CancellationToken cancellationToken);
}

/// <summary>Where a chunk of changed rows ended: the next chunk starts after it.</summary>
public sealed record ChangeKey(DateTimeOffset UpdatedAt, string Id);
