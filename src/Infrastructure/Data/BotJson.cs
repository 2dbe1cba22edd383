using System.Globalization;
using System.Text.Json;
using AgentP.Domain.Bot;
using AgentP.Domain.Common;

namespace AgentP.Infrastructure.Data;

/// <summary>
/// Reads the bot's <c>jsonb</c> columns into typed records. The bot owns these documents, so the reader is
/// forgiving: unknown keys are ignored and a key of an unexpected type reads as missing, never as an error.
/// </summary>
public static class BotJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static SessionMeta ReadSessionMeta(string? json) => Read(json, o => new SessionMeta
    {
        Sentiment = Codes.ParseOrNull<Sentiment>(Text(o, "sentiment")),
        DropOffStage = Codes.ParseOrNull<DropOffStage>(Text(o, "drop_off_stage")),
        ServicesMentioned = Texts(o, "services_mentioned"),
        StaffName = Text(o, "staff_name"),
        StaffId = Text(o, "staff_id"),
        AnalyzedAt = DateTimeOffset.TryParse(Text(o, "analyzed_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
    }, new SessionMeta());

    public static WishlistMeta ReadWishlistMeta(string? json) => Read(json, o => new WishlistMeta
    {
        ServiceTitle = Text(o, "service_title"),
        StaffName = Text(o, "staff_name"),
        StaffId = Text(o, "staff_id"),
        PreferredDate = DateOnly.TryParse(Text(o, "preferred_date"), CultureInfo.InvariantCulture, out var d) ? d : null,
        TimePreference = Text(o, "time_preference"),
    }, new WishlistMeta());

    public static LtmData ReadLtmData(string? json) => Read(json, o => new LtmData
    {
        BookingStats = Counts(o, "booking_stats"),
        LastVisitDate = DateOnly.TryParse(Text(o, "last_visit_date"), CultureInfo.InvariantCulture, out var d) ? d : null,
        AvgVisitInterval = Number(o, "avg_visit_interval"),
    }, new LtmData());

    public static TenantMetadata ReadTenantMetadata(string? json) => Read(json, o => new TenantMetadata
    {
        YclientsCompanyId = Text(o, "yclients_company_id"),
        YclientsToken = Text(o, "yclients_token"),
        TelegramBotToken = Text(o, "telegram_bot_token"),
        AdminChatId = Text(o, "admin_chat_id"),
        CurrentBranch = o.TryGetProperty("current_branch", out var b) && b.ValueKind == JsonValueKind.Object
            ? new Branch(Text(b, "id"), Text(b, "phone"), Text(b, "address"))
            : null,
        ClosingTimeOverride = Text(o, "closing_time_override"),
    }, new TenantMetadata());

    private static T Read<T>(string? json, Func<JsonElement, T> map, T empty)
    {
        if (string.IsNullOrWhiteSpace(json)) return empty;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? map(doc.RootElement) : empty;
        }
        catch (JsonException)
        {
            return empty;
        }
    }

    // Ids and chat ids come as numbers or strings depending on the bot version: both read as text.
    private static string? Text(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    private static int? Number(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && (v.ValueKind == JsonValueKind.Number ? v.TryGetInt32(out var n) : int.TryParse(v.ValueKind == JsonValueKind.String ? v.GetString() : null, out n))
            ? n : null;

    private static string[] Texts(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : [];

    private static Dictionary<string, int> Counts(JsonElement o, string key)
    {
        var result = new Dictionary<string, int>();
        if (!o.TryGetProperty(key, out var v) || v.ValueKind != JsonValueKind.Object) return result;
        foreach (var p in v.EnumerateObject())
            if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n)) result[p.Name] = n;
        return result;
    }
}
