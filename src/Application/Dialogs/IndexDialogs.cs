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
/// <para>The same run keeps the client index (<c>dashboard.client_facts</c>, <see cref="IClientIndex"/>): the clients and
/// their memory that changed since its marks (by <c>updated_at</c>, re-reading the last <see cref="Settle"/> so a late commit
/// is not missed), then, in each dialog chunk's own transaction, the chunk's dialogs and bookings per client.</para>
/// </summary>
[Changes(CacheTags.DialogIndex, CacheTags.ClientIndex)]
public sealed record IndexDialogs(IProgress<int>? Progress = null) : IRequest<DialogsIndexed>, ISystemRequest
{
    public const int ChunkRows = 50_000;
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);
}

public sealed record DialogsIndexed(int Added, long IndexedUpTo, TimeSpan Elapsed, int ClientsIndexed = 0);

/// <summary>The bot's rows that change in place, which the client index follows by <c>updated_at</c>.</summary>
public enum ClientIndexSource { Clients, Memory }

/// <summary>Where a chunk of changed rows ended: the next chunk starts after it.</summary>
public sealed record ChangeKey(DateTimeOffset UpdatedAt, string Id);

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

public sealed class IndexDialogsHandler(IDialogIndex index, IClientIndex clients) : IRequestHandler<IndexDialogs, DialogsIndexed>
{
    public async Task<DialogsIndexed> Handle(IndexDialogs request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var changed = 0;
        foreach (var source in new[] { ClientIndexSource.Clients, ClientIndexSource.Memory })
        {
            ChangeKey? after = null;
            int rows;
            do
            {
                (rows, var last) = await clients.IndexChangesAsync(source, after, IndexDialogs.ChunkRows, IndexDialogs.Settle, cancellationToken);
                changed += rows;
                after = last ?? after;
            } while (rows == IndexDialogs.ChunkRows);
            await clients.MarkCaughtUpAsync(source, cancellationToken);
        }
        var stopAt = await index.StopAtAsync(IndexDialogs.Settle, cancellationToken);
        var added = 0;
        int indexed;
        do
        {
            indexed = await index.IndexAsync(stopAt, IndexDialogs.ChunkRows, cancellationToken);
            added += indexed;
            if (indexed > 0) request.Progress?.Report(added);
        } while (indexed > 0);
        return new DialogsIndexed(added, await index.IndexedUpToAsync(cancellationToken), watch.Elapsed, changed);
    }
}

/// <summary>
/// The index's mark as pages read it, cached: an older mark is as true (every dialog up to it is indexed), it only leaves
/// the last minutes' dialogs to the live side.
/// </summary>
public sealed class DialogIndexMark(IDialogIndex index, IClientIndex clients, ScopedCache cache)
{
    public Task<long> GetAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(CacheTags.DialogIndex, index.IndexedUpToAsync, cancellationToken, "dialog-index-mark");

    /// <summary>Whether pages may read the client index (it has caught up once); cached like the mark.</summary>
    public Task<bool> ClientIndexReadyAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(CacheTags.ClientIndex, clients.ReadyAsync, cancellationToken, "client-index-ready");
}
