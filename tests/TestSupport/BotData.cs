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
        string? bookingId = null, decimal? amount = null, string channel = "telegram", string metaJson = "{}", Guid? sessionId = null,
        string? currency = null, DateTimeOffset? endedAt = null, string? intent = null, string? summary = null, DateTimeOffset? bookingAt = null)
    {
        await using var connection = new NpgsqlConnection(db.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO public.conversation_sessions_v2
              (session_id, tenant_id, user_id, channel, started_at, final_status, booking_id, booking_amount, booking_currency, meta,
               ended_at, final_intent, final_summary, booking_datetime)
            VALUES ($1, $2, $3, $4, $5, $6, $7::text, $8::numeric, $10::text, $9::jsonb, $11::timestamptz, $12::text, $13::text, $14::timestamptz)
            RETURNING id
            """, connection);
        foreach (var value in new object?[] { sessionId ?? Guid.NewGuid(), tenant, client, channel, startedAt.ToUniversalTime(), status, bookingId, amount, metaJson, currency,
                     endedAt?.ToUniversalTime(), intent, summary, bookingAt?.ToUniversalTime() })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One message of a dialog; <paramref name="role"/> is "user" or "assistant".</summary>
    public Task MessageAsync(Guid tenant, Guid client, Guid sessionId, string role, DateTimeOffset at, string text = "…") =>
        db.ExecuteAsync("INSERT INTO public.recent_history_v2 (tenant_id, user_id, session_id, role, channel, message, created_at) VALUES ($1, $2, $3, $4, 'telegram', $5, $6)",
            true, tenant, client, sessionId, role, text, at.ToUniversalTime());

    public async Task<long> WishlistAsync(Guid tenant, Guid client, DateTimeOffset createdAt, string itemType = "slot", string status = "pending",
        string metaJson = "{}", string? comment = null)
    {
        await using var connection = new NpgsqlConnection(db.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO public.wishlist_v2 (tenant_id, user_id, item_type, item_id, source, comment, status, meta, created_at, updated_at)
            VALUES ($1, $2, $3, 'item-' || $3, 'bot', $4, $5, $6::jsonb, $7, $7) RETURNING id
            """, connection);
        foreach (var value in new object?[] { tenant, client, itemType, comment, status, metaJson, createdAt.ToUniversalTime() })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task MemoryAsync(Guid tenant, Guid client, string ltmJson, string? preferredStaff = null, string? preferredTime = null) =>
        db.ExecuteAsync("INSERT INTO public.user_ltm_v2 (tenant_id, user_id, preferred_staff_id, preferred_time, language, ltm_data) VALUES ($1, $2, $3, $4, 'ru', $5::jsonb)",
            true, tenant, client, preferredStaff, preferredTime, ltmJson);
}
