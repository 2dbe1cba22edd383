using System.Diagnostics;
using AgentP.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Clients;

/// <summary>
/// What the client-dialogs job does (every minute; also the <c>index-dialogs</c> verb): copies the keys of the bot's new
/// dialogs into <c>dashboard.client_dialogs</c> in id order, a chunk per transaction; a rerun, a second instance or the
/// verb running alongside add nothing twice. Only dialogs created more than <see cref="Settle"/> ago are copied, and
/// the copy stops at the first younger one: ids come from a sequence, so a dialog still being written may commit
/// below an id already copied and would be skipped for good. Readers add every dialog above
/// <see cref="IndexedUpToAsync"/> live from <c>public</c>, so nothing is missing meanwhile.
/// </summary>
public sealed record IndexClientDialogs(IProgress<int>? Progress = null) : IRequest<ClientDialogsIndexed>
{
    public const int ChunkRows = 50_000;
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);

    /// <summary>The highest dialog id copied (0 before the first run); dialogs above it are read from <c>public</c>.</summary>
    public static async Task<long> IndexedUpToAsync(IDashboardDb db, CancellationToken cancellationToken) =>
        // Over every salon on purpose: the mark is one id, not a salon's rows (the max of the primary key: one index probe).
        await db.ClientDialogs.IgnoreQueryFilters().MaxAsync(d => (long?)d.SessionId, cancellationToken) ?? 0;
}

public sealed record ClientDialogsIndexed(int Added, long IndexedUpTo, TimeSpan Elapsed);

/// <summary>The copy's SQL (Infrastructure).</summary>
public interface IClientDialogIndex
{
    /// <summary>The first dialog id above the copied ones that is younger than <paramref name="settle"/> (the copy stops below it).</summary>
    Task<long> StopAtAsync(TimeSpan settle, CancellationToken cancellationToken);

    /// <summary>Copies up to <paramref name="rows"/> dialogs above the copied ones and below <paramref name="stopAt"/>; one transaction.</summary>
    Task<int> CopyAsync(long stopAt, int rows, CancellationToken cancellationToken);
}

public sealed class IndexClientDialogsHandler(IClientDialogIndex index, IDashboardDb db) : IRequestHandler<IndexClientDialogs, ClientDialogsIndexed>
{
    public async Task<ClientDialogsIndexed> Handle(IndexClientDialogs request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var stopAt = await index.StopAtAsync(IndexClientDialogs.Settle, cancellationToken);
        var added = 0;
        int copied;
        do
        {
            copied = await index.CopyAsync(stopAt, IndexClientDialogs.ChunkRows, cancellationToken);
            added += copied;
            if (copied > 0) request.Progress?.Report(added);
        } while (copied > 0);
        return new ClientDialogsIndexed(added, await IndexClientDialogs.IndexedUpToAsync(db, cancellationToken), watch.Elapsed);
    }
}
