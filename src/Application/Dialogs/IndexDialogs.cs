using System.Diagnostics;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Dialogs;

/// <summary>
/// What the dialog index job does (every minute; also the <c>index-dialogs</c> verb): derives the
/// <see cref="Domain.Dashboard.DialogFacts"/> of the bot's new dialogs into <c>dashboard.dialog_facts</c> in id order,
/// a chunk per transaction; a rerun, a second instance or the verb running alongside add nothing twice. Only dialogs
/// archived more than <see cref="Settle"/> ago are taken, and the copy stops at the first younger one: ids come from a
/// sequence, so a dialog still being written may commit below an id already indexed and would be skipped for good.
/// Readers (the client card and list, the metrics collector) take every dialog above <see cref="IndexedUpToAsync"/>
/// live from <c>public</c>, so nothing is missing or counted twice meanwhile.
/// </summary>
public sealed record IndexDialogs(IProgress<int>? Progress = null) : IRequest<DialogsIndexed>
{
    public const int ChunkRows = 50_000;
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);

    /// <summary>The highest dialog id indexed (0 before the first run); dialogs above it are read from <c>public</c>.</summary>
    public static async Task<long> IndexedUpToAsync(IDashboardDb db, CancellationToken cancellationToken) =>
        // Over every salon on purpose: the mark is one id, not a salon's rows (the max of the primary key: one index probe).
        await db.DialogFacts.IgnoreQueryFilters().MaxAsync(d => (long?)d.SessionId, cancellationToken) ?? 0;

    /// <summary>
    /// The mark as pages read it, <see cref="Reused"/>: an older mark is as true (every dialog up to it is indexed), it
    /// only leaves the last minutes' dialogs to the live side.
    /// </summary>
    public static Task<long> ReusedMarkAsync(IDashboardDb db, Reused reused, CancellationToken cancellationToken) =>
        reused.GetAsync(nameof(IndexDialogs), null, () => IndexedUpToAsync(db, cancellationToken));
}

public sealed record DialogsIndexed(int Added, long IndexedUpTo, TimeSpan Elapsed);

/// <summary>The index's SQL (Infrastructure).</summary>
public interface IDialogIndex
{
    /// <summary>The first dialog id above the indexed ones that is younger than <paramref name="settle"/> (indexing stops below it).</summary>
    Task<long> StopAtAsync(TimeSpan settle, CancellationToken cancellationToken);

    /// <summary>Indexes up to <paramref name="rows"/> dialogs above the indexed ones and below <paramref name="stopAt"/>; one transaction.</summary>
    Task<int> IndexAsync(long stopAt, int rows, CancellationToken cancellationToken);
}

public sealed class IndexDialogsHandler(IDialogIndex index, IDashboardDb db) : IRequestHandler<IndexDialogs, DialogsIndexed>
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
        return new DialogsIndexed(added, await IndexDialogs.IndexedUpToAsync(db, cancellationToken), watch.Elapsed);
    }
}
