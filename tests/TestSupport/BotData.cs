using Npgsql;

namespace AgentP.TestSupport;

/// <summary>Small builders for the bot's rows; each returns the id the bot would have created.</summary>
public sealed class BotData(TestDatabase db)
{
    public async Task<Guid> TenantAsync(string name, string? metadataJson = null, bool active = true)
    {
        var id = Guid.NewGuid();
        await db.ExecuteAsync("INSERT INTO public.tenants_v2 (id, name, slug, is_active, metadata) VALUES ($1, $2, $3, $4, $5::jsonb)", true,
            id, name, $"slug-{id:N}", active, metadataJson ?? "{}");
        return id;
    }

    public async Task<Guid> ClientAsync(Guid tenant, string fullName = "Анна Иванова", string? phone = "+7 999 123-45-67")
    {
        var id = Guid.NewGuid();
        await db.ExecuteAsync("INSERT INTO public.clients_v2 (id, tenant_id, full_name, phone) VALUES ($1, $2, $3, $4)", true,
            id, tenant, fullName, phone);
        return id;
    }

    public async Task<long> SessionAsync(Guid tenant, Guid client, DateTimeOffset startedAt, string status = "done",
        string? bookingId = null, decimal? amount = null, string channel = "telegram", string metaJson = "{}")
    {
        await using var connection = new NpgsqlConnection(db.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO public.conversation_sessions_v2
              (session_id, tenant_id, user_id, channel, started_at, final_status, booking_id, booking_amount, booking_currency, meta)
            VALUES ($1, $2, $3, $4, $5, $6, $7::text, $8::numeric, CASE WHEN $7::text IS NULL THEN NULL ELSE 'RUB' END, $9::jsonb)
            RETURNING id
            """, connection);
        foreach (var value in new object?[] { Guid.NewGuid(), tenant, client, channel, startedAt.ToUniversalTime(), status, bookingId, amount, metaJson })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
