using AgentP.Application.Clients;
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

public sealed class IndexDialogsHandler(IDialogIndex index, IClientIndex clients, LeavingWordsIndex words) : IRequestHandler<IndexDialogs, DialogsIndexed>
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
        var upTo = await index.IndexedUpToAsync(cancellationToken);
        await words.IndexAsync(upTo, cancellationToken); // what clients wrote in the dialogs the bot lost (issue 24)
        return new DialogsIndexed(added, upTo, watch.Elapsed, changed);
    }
}
