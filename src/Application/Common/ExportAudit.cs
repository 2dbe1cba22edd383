using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;

namespace AgentP.Application.Common;

/// <summary>
/// Makes an export audit itself (docs/architecture.md §8): who took which data out, with which filter, and how many rows. The count
/// is known only when the rows end, so the entry is written then, in a save of its own: counting first would read
/// every row twice (the clients' count reads each client's memory) and could disagree with the file. A download that
/// stops half-way is audited too, with the rows that went out.
/// </summary>
public sealed class ExportAudit(IDashboardDb db, ICurrentUser caller, ITenantContext tenant, TenantTimeZones zones, TimeProvider clock)
{
    private static readonly JsonSerializerOptions FilterJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // Cyrillic stays readable in the log
    };

    /// <summary>
    /// The export of <paramref name="rows"/> as <paramref name="what"/>, named <paramref name="fileName"/> or
    /// <c>what-yyyyMMdd-HHmm.csv</c> (UTC); <paramref name="filter"/> is what the use case applied, as JSON in the entry. The
    /// spreadsheet's file is named alike with <c>-excel</c>, its time the scope's local one (the salon's, the default zone for all salons).
    /// </summary>
    public async Task<Export<T>> OfAsync<T>(string what, object filter, IAsyncEnumerable<T> rows, CancellationToken cancellationToken, string? fileName = null)
    {
        var scope = tenant.TenantId; // null: all salons (or the platform)
        var zone = await zones.ForAsync(scope, cancellationToken);
        var now = clock.GetUtcNow();
        var spreadsheet = fileName is null
            ? string.Create(CultureInfo.InvariantCulture, $"{what}-{TimeZoneInfo.ConvertTime(now, zone):yyyyMMdd-HHmm}-excel.csv")
            : Path.ChangeExtension(fileName, null) + "-excel.csv";
        return new(fileName ?? string.Create(CultureInfo.InvariantCulture, $"{what}-{now:yyyyMMdd-HHmm}.csv"),
            Audited(what, JsonSerializer.Serialize(filter, FilterJson), rows), spreadsheet, zone, scope is null, now);
    }

    private async IAsyncEnumerable<T> Audited<T>(string what, string filter, IAsyncEnumerable<T> rows,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = 0;
        var complete = false;
        // Read after the request's Send has returned (as the file is written): the rows keep its scope meanwhile.
        using var unit = tenant.Run();
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                count++;
                yield return row;
            }
            complete = true;
        }
        finally
        {
            var metadata = new Dictionary<string, string?>
            {
                ["what"] = what, ["filter"] = filter, ["rows"] = count.ToString(CultureInfo.InvariantCulture),
            };
            if (!complete) metadata["interrupted"] = "true";
            db.Audits.Add(Audit.Entry(caller, clock.GetUtcNow(), Domain.Dashboard.AuditActions.Export, $"Экспорт CSV «{Title(what)}»: {RussianPlural.Count(count, "строка", "строки", "строк")}",
                caller.UserId, tenant.TenantId ?? caller.TenantId ?? caller.SelectedTenantId, metadata));
            // Not the request's token: a download the browser dropped has still taken its rows out.
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>The list an export came from, as the menu names it; the code stays in the entry's metadata.</summary>
    public static string Title(string what) => what switch
    {
        "alerts" => "Алерты", "audit" => "Журнал", "clients" => "Клиенты", "escalations" => "Эскалации", "overview" => "Обзор",
        "platform" => "Платформа", "retention" => "Удержание", "sessions" => "Диалоги", "users" => "Пользователи",
        "wishlist" => "Лист ожидания", _ => what,
    };
}
