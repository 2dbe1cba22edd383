using AgentP.Infrastructure.Clients;
using AgentP.Application.Common;
using AgentP.Infrastructure.Data;
using AgentP.Infrastructure.Retention;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgentP.Infrastructure.Dialogs;

/// <summary>
/// The rollups the dialog index keeps beside <c>dashboard.dialog_facts</c> (docs/architecture.md §5, "Rollups"): per salon and
/// 15-minute UTC slot its dialogs and their response times (<c>dialog_slots</c>: the heatmap, the collector), per salon, slot
/// and client the client's dialogs and bookings (<c>client_slots</c>, retention), and from those retention's own
/// (<see cref="RetentionRollups"/>). <see cref="DialogIndex"/> calls <see cref="AddAsync"/> in each chunk's transaction, under the
/// index's lock, after the chunk's dialogs went into dialog_facts: the indexed dialogs above <c>rollup_marks</c> are added and
/// the mark moves to the last of them, so the rollups and their mark change together and a rerun adds nothing twice.
/// Readers take the bot's dialogs above the mark live, the mark read in the same snapshot as the rollups.
/// </summary>
internal static class DialogRollups
{
    internal const string Name = "dialogs";

    /// <summary>The rollups' mark (0 before the first roll-up), for readers.</summary>
    internal const string Mark = $"SELECT coalesce((SELECT rolled_up_to FROM dashboard.rollup_marks WHERE rollup = '{Name}'), 0)";

    /// <summary>
    /// Runs <paramref name="read"/> with the rollups' mark in one repeatable-read snapshot with it, so a chunk rolled up
    /// meanwhile is neither missed nor counted twice; the readers of the rollups (heatmap, retention) share it. JIT is off:
    /// the estimate of a year's live side starts LLVM compiling, which outlasts the work.
    /// </summary>
    internal static async Task<T> InSnapshotAsync<T>(DashboardDbContext db,
        Func<NpgsqlConnection, NpgsqlTransaction, long, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off", connection, transaction))
                await noJit.ExecuteNonQueryAsync(cancellationToken);
            long mark;
            await using (var command = new NpgsqlCommand(Mark, connection, transaction))
                mark = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            var result = await read(connection, transaction, mark);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The dialog index emptied (to rebuild it) empties the rollups with it: they count only indexed dialogs.
    private const string Reset = $"""
        WITH stale AS (SELECT 1 FROM dashboard.rollup_marks
                       WHERE rollup = '{Name}' AND rolled_up_to > (SELECT coalesce(max(session_id), 0) FROM dashboard.dialog_facts)),
        d AS (DELETE FROM dashboard.dialog_slots WHERE EXISTS (SELECT 1 FROM stale) RETURNING 1),
        c AS (DELETE FROM dashboard.client_slots WHERE EXISTS (SELECT 1 FROM stale) RETURNING 1),
        rd AS (DELETE FROM dashboard.retention_days WHERE EXISTS (SELECT 1 FROM stale) RETURNING 1),
        rc AS (DELETE FROM dashboard.retention_cohorts WHERE EXISTS (SELECT 1 FROM stale) RETURNING 1),
        rz AS (DELETE FROM dashboard.retention_zones WHERE EXISTS (SELECT 1 FROM stale) RETURNING 1)
        DELETE FROM dashboard.rollup_marks WHERE rollup = '{Name}' AND EXISTS (SELECT 1 FROM stale)
        """;

    // The indexed dialogs not rolled up yet: this chunk's (or, on the first run after deploying, every indexed one). Whether
    // a dialog has a booking is the bot's row's (by its primary key), as the client index counts it. The mark comes as a
    // value: the planner then sees a chunk's few rows and looks the bot's rows up by key; a mark hidden in a subquery leaves it
    // a guess of a third of dialog_facts, for which hashing the bot's whole table looks cheaper.
    private static string Add(ScopeZones zones) => $"""
        -- A dialog's 15-minute UTC slot: every zone's offset is a multiple of 15 minutes, so a slot lies within one local hour.
        WITH chunk AS MATERIALIZED (
          SELECT f.session_id, f.tenant_id, f.user_id, date_bin('15 minutes', f.started_at, timestamptz '2000-01-01 00:00+00') AS slot, s.booking_id IS NOT NULL AS booked,
                 f.answered, f.response_ms_total
          FROM dashboard.dialog_facts f
          LEFT JOIN public.conversation_sessions_v2 s ON s.id = f.session_id
          WHERE f.session_id > @mark
        ),
        dialogs AS (
          INSERT INTO dashboard.dialog_slots AS r (tenant_id, slot, dialogs, answered, response_ms_total)
          SELECT tenant_id, slot, count(*), sum(answered), sum(response_ms_total) FROM chunk GROUP BY tenant_id, slot ORDER BY tenant_id, slot
          ON CONFLICT (tenant_id, slot) DO UPDATE SET dialogs = r.dialogs + excluded.dialogs, answered = r.answered + excluded.answered,
            response_ms_total = r.response_ms_total + excluded.response_ms_total
          RETURNING 1
        ),
        clients AS (
          INSERT INTO dashboard.client_slots AS r (tenant_id, slot, client_id, dialogs, bookings)
          SELECT tenant_id, slot, user_id, count(*), count(*) FILTER (WHERE booked) FROM chunk
          GROUP BY tenant_id, slot, user_id ORDER BY tenant_id, slot, user_id
          ON CONFLICT (tenant_id, slot, client_id) DO UPDATE SET dialogs = r.dialogs + excluded.dialogs, bookings = r.bookings + excluded.bookings
          RETURNING 1
        ),
        {RetentionRollups.ChunkDelta(zones)}
        INSERT INTO dashboard.rollup_marks (rollup, rolled_up_to)
        SELECT '{Name}', max(session_id) FROM chunk HAVING count(*) > 0
        ON CONFLICT (rollup) DO UPDATE SET rolled_up_to = excluded.rolled_up_to
        """;

    /// <summary>
    /// Adds the indexed dialogs above the mark; in the caller's transaction, which holds the index's lock. Retention's rollups
    /// are counted in each salon's zone of <paramref name="zones"/> (salons counted in another zone, or not yet, first again).
    /// </summary>
    public static async Task AddAsync(DashboardDbContext db, ScopeZones zones, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(Reset, cancellationToken);
        await RetentionRollups.RecountStaleAsync(db, zones, cancellationToken);
        long mark;
        await using (var read = ClientIndex.Command(db, Mark))
            mark = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        // ADO.NET: a WITH that writes must be the statement's top level.
        await using var command = ClientIndex.Command(db, Add(zones));
        command.Parameters.AddWithValue("mark", mark);
        SalonZoneSql.AddParameters(command, zones);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
