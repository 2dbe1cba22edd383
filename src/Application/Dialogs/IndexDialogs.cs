using System.Diagnostics;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Security;
using MediatR;

namespace AgentP.Application.Dialogs;

/// <summary>
/// What the dialog index job does (every minute; also the <c>index-dialogs</c> verb): derives the
/// <see cref="Domain.Dashboard.DialogFacts"/> of the bot's new dialogs into <c>dashboard.dialog_facts</c> in id order,
/// a chunk per transaction; a rerun, a second instance or the verb running alongside add nothing twice. Only dialogs
/// archived more than <see cref="Settle"/> ago are taken, and the copy stops at the first younger one: ids come from a
/// sequence, so a dialog still being written may commit below an id already indexed and would be skipped for good.
/// Readers (the client card and list, the metrics collector) take every dialog above <see cref="IDialogIndex.IndexedUpToAsync"/>
/// live from <c>public</c>, so nothing is missing or counted twice meanwhile.
/// </summary>
[Changes(CacheTags.DialogIndex)]
public sealed record IndexDialogs(IProgress<int>? Progress = null) : IRequest<DialogsIndexed>, ISystemRequest
{
    public const int ChunkRows = 50_000;
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);
}

public sealed record DialogsIndexed(int Added, long IndexedUpTo, TimeSpan Elapsed);

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

public sealed class IndexDialogsHandler(IDialogIndex index) : IRequestHandler<IndexDialogs, DialogsIndexed>
{
    public async Task<DialogsIndexed> Handle(IndexDialogs request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var stopAt = await index.StopAtAsync(IndexDialogs.Settle, cancellationToken);
        var added = 0;
        int indexed;
        do
        {
            indexed = await index.IndexAsync(stopAt, IndexDialogs.ChunkRows, cancellationToken);
            added += indexed;
            if (indexed > 0) request.Progress?.Report(added);
        } while (indexed > 0);
        return new DialogsIndexed(added, await index.IndexedUpToAsync(cancellationToken), watch.Elapsed);
    }
}

/// <summary>
/// The index's mark as pages read it, cached: an older mark is as true (every dialog up to it is indexed), it only leaves
/// the last minutes' dialogs to the live side.
/// </summary>
public sealed class DialogIndexMark(IDialogIndex index, ScopedCache cache)
{
    public Task<long> GetAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(CacheTags.DialogIndex, index.IndexedUpToAsync, cancellationToken, "dialog-index-mark");
}
