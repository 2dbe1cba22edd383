namespace AgentP.Application.Dialogs;

/// <summary>The index's SQL (Infrastructure).</summary>
public interface IDialogIndex
{
    /// <summary>
    /// The highest dialog id indexed (0 before the first run); dialogs above it are read from <c>public</c>. One id for
    /// every salon, not tenant data: whatever the scope, it is the platform's mark (a salon's own highest id would send
    /// the live side over every other salon's dialogs since).
    /// </summary>
    Task<long> IndexedUpToAsync(CancellationToken cancellationToken);

    /// <summary>The first dialog id above the indexed ones that is younger than <paramref name="settle"/> (indexing stops below it).</summary>
    Task<long> StopAtAsync(TimeSpan settle, CancellationToken cancellationToken);

    /// <summary>Indexes up to <paramref name="rows"/> dialogs above the indexed ones and below <paramref name="stopAt"/>; one transaction.</summary>
    Task<int> IndexAsync(long stopAt, int rows, CancellationToken cancellationToken);
}
