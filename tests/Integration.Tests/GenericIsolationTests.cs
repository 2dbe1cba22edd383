using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using AgentP.Application.Common;
using AgentP.Application.Common.Security;
using AgentP.Application.Dialogs;
using AgentP.Application.Escalations;
using AgentP.Application.Metrics;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// Two salons, and everything salon B has carries a value found nowhere else: its salon's and client's names, a phone, a
/// dialog summary, a wishlist comment, an alert's description, its admin's e-mail, its ids. Salon A has one of each
/// thing a request may name by id.
/// </summary>
public sealed class GenericIsolationFixture : AppFixture
{
    public const string Password = "Generic-pass-2026";
    public Guid SalonA { get; private set; }
    public Guid SalonB { get; private set; }
    public Guid ClientA { get; private set; }
    public Guid ClientB { get; private set; }
    public long SessionA { get; private set; }
    public long WishlistA { get; private set; }
    public long AlertA { get; private set; }
    public long CaseA { get; private set; }
    public TestUser AdminA { get; private set; } = null!;
    public TestUser StaffA { get; private set; } = null!;

    /// <summary>What salon A's admin must never see, in any answer.</summary>
    public IReadOnlyList<string> BValues { get; private set; } = [];

    protected override async Task SeedAsync()
    {
        var now = App.Clock.GetUtcNow();
        SalonA = await Db.Bot.TenantAsync("Салон «Альфа»");
        SalonB = await Db.Bot.TenantAsync("Салон «Бетельгейзе»");
        ClientA = await Db.Bot.ClientAsync(SalonA, "Анна Альфина", "+7 900 111-22-33");
        ClientB = await Db.Bot.ClientAsync(SalonB, "Бронислава Бетова", "+7 955 987-65-43");
        foreach (var (salon, client, word) in new[] { (SalonA, ClientA, "альфасводка"), (SalonB, ClientB, "бетасводка") })
        {
            var meta = $$"""{"service_title": "{{word}}-услуга", "staff_name": "{{word}}-мастер", "services_mentioned": ["{{word}}-услуга"]}""";
            var first = await Db.Bot.SessionAsync(salon, client, now.AddHours(-2), bookingId: $"YC-{word}", amount: 2500, summary: word, intent: $"{word}-намерение", metaJson: meta);
            await Db.Bot.SessionAsync(salon, client, now.AddDays(-3), status: "escalated", endedAt: now.AddDays(-3).AddMinutes(5), summary: word);
            await Db.Bot.SessionAsync(salon, client, now.AddDays(-2), status: "dropped", summary: word);
            var wish = await Db.Bot.WishlistAsync(salon, client, now.AddDays(-1), comment: $"{word}-комментарий", metaJson: meta);
            await Db.Bot.MemoryAsync(salon, client, """{"last_visit_date": "2026-10-01", "avg_visit_interval": 21}""", $"{word}-мастер", $"{word}-утро");
            await Db.ExecuteAsync($"""
                INSERT INTO dashboard.alerts (tenant_id, kind, severity, day, threshold, actual, description, triggered_at, created_at, updated_at)
                VALUES ('{salon}', 'low_conversion', 'warning', date '2026-11-20', 15, 5, '{word}-тревога', now(), now(), now())
                """);
            if (salon == SalonA) (SessionA, WishlistA) = (first, wish);
        }
        AdminA = new(await App.CreateUserAsync("admin-alpha@test.local", Password, Role.Admin, SalonA), Role.Admin, SalonA);
        StaffA = new(await App.CreateUserAsync("staff-alpha@test.local", Password, Role.Staff, SalonA), Role.Staff, SalonA);
        var adminB = new TestUser(await App.CreateUserAsync("betelgeuse-admin@test.local", Password, Role.Admin, SalonB), Role.Admin, SalonB);
        await App.CreateUserAsync("root-generic@test.local", Password, Role.SuperAdmin, null);

        // The jobs fill the dashboard's own tables for both salons: metrics, the dialog and client indexes, the cases.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new CollectMissingMetrics());
            await mediator.Send(new IndexDialogs());
            await mediator.Send(new SyncEscalations());
        }
        // Salon B's admin acts, so the audit log and the settings hold B's own entries too.
        await App.SendAs(adminB, new AgentP.Application.Settings.UpdateSettings(
            new AgentP.Application.Settings.SettingsValues("Asia/Vladivostok", 11, 51, 21, 3, true, "@betelgeuse_chat")));
        AlertA = await Db.ScalarAsync<long>($"SELECT id FROM dashboard.alerts WHERE tenant_id = '{SalonA}'");
        CaseA = await Db.ScalarAsync<long>($"SELECT id FROM dashboard.conversations WHERE tenant_id = '{SalonA}'");

        BValues =
        [
            SalonB.ToString(), ClientB.ToString(), "Бетельгейзе", "Бронислава", "Бетова", "987-65-43", "9559876543", "бетасводка",
            "betelgeuse",
        ];
    }
}

/// <summary>
/// Every tenant-scoped request and export (every <see cref="ITenantScoped"/> type of Application, found by reflection) sent
/// as salon A's admin: no answer — the page's model, an export's rows — holds any of salon B's values. A new page is
/// covered without being listed here; a request the test cannot build fails with what to add, never silently skipped.
/// </summary>
public sealed class GenericIsolationTests(GenericIsolationFixture fixture) : IClassFixture<GenericIsolationFixture>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = false,
        // A property of a type's own type that is computed afresh each time (an Overview period's Previous) is a view of
        // the same data, not more of it, and would never end.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties.Where(p => p.PropertyType == info.Type).ToList()) info.Properties.Remove(property);
                },
            },
        },
    };

    /// <summary>
    /// The requests that need a value no default gives (an id, a command's input): built from salon A's own data. A new
    /// request with such a parameter fails the test until it is added here.
    /// </summary>
    private Dictionary<Type, Func<object>> Overrides() => new()
    {
        [typeof(AgentP.Application.Alerts.AcknowledgeAlert)] = () => new AgentP.Application.Alerts.AcknowledgeAlert(fixture.AlertA),
        [typeof(AgentP.Application.Users.CreatePasswordResetLink)] = () => new AgentP.Application.Users.CreatePasswordResetLink(fixture.StaffA.Id),
        [typeof(AgentP.Application.Wishlist.DecideWishlistItems)] = () => new AgentP.Application.Wishlist.DecideWishlistItems([fixture.WishlistA], "contacted", "Позвонили"),
        [typeof(AgentP.Application.Clients.GetClient)] = () => new AgentP.Application.Clients.GetClient(fixture.ClientA),
        [typeof(AgentP.Application.Sessions.GetSession)] = () => new AgentP.Application.Sessions.GetSession(fixture.SessionA),
        [typeof(ResolveEscalation)] = () => new ResolveEscalation(fixture.CaseA, "Перезвонили"),
        [typeof(AgentP.Application.Users.SetUserActive)] = () => new AgentP.Application.Users.SetUserActive(fixture.StaffA.Id, true),
        [typeof(AgentP.Application.Settings.UpdateSettings)] = () => new AgentP.Application.Settings.UpdateSettings(
            new AgentP.Application.Settings.SettingsValues("Europe/Moscow", 15, 50, 20, 5, true, null)),
        [typeof(AgentP.Application.Users.UpdateUser)] = () => new AgentP.Application.Users.UpdateUser(fixture.StaffA.Id, "Ирина", "Альфина", "staff"),
    };

    public static IReadOnlyList<Type> ScopedRequests { get; } = typeof(AgentP.Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ITenantScoped).IsAssignableFrom(t)
                    && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    [Fact]
    public void The_test_finds_the_scoped_requests_and_exports()
    {
        Assert.Contains(typeof(AgentP.Application.Sessions.GetSessions), ScopedRequests);
        Assert.Contains(typeof(AgentP.Application.Sessions.ExportSessions), ScopedRequests);
        Assert.True(ScopedRequests.Count >= 30, string.Join(", ", ScopedRequests.Select(t => t.Name)));
    }

    [Fact]
    public async Task No_scoped_request_or_export_answers_salon_A_with_any_of_salon_Bs_values()
    {
        var overrides = Overrides();
        var failures = new List<string>();
        foreach (var type in ScopedRequests)
        {
            object request;
            try
            {
                request = overrides.TryGetValue(type, out var make) ? make() : Build(type);
            }
            catch (CannotBuild e)
            {
                failures.Add($"{type.Name}: {e.Message}");
                continue;
            }
            try
            {
                var json = await fixture.App.SendAs(fixture.AdminA, request, Serialize);
                foreach (var value in fixture.BValues.Where(v => json.Contains(v, StringComparison.OrdinalIgnoreCase)))
                    failures.Add($"{type.Name}: salon A's answer holds salon B's «{value}»");
            }
            catch (Exception e)
            {
                failures.Add($"{type.Name}: sent as {request} it failed ({e.GetType().Name}: {e.Message}); give it valid arguments from salon A's data in {nameof(Overrides)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The answer as JSON; an export's rows read to the end first, within the request's services.</summary>
    private static async Task<string> Serialize(object? answer)
    {
        if (answer?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Export<>))
        {
            var drain = typeof(GenericIsolationTests).GetMethod(nameof(Drain), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t.GenericTypeArguments[0]);
            var rows = await (Task<List<object?>>)drain.Invoke(null, [t.GetProperty(nameof(Export<int>.Rows))!.GetValue(answer)])!;
            return JsonSerializer.Serialize(new { File = t.GetProperty(nameof(Export<int>.FileName))!.GetValue(answer), Rows = rows }, Json);
        }
        return JsonSerializer.Serialize(answer, answer?.GetType() ?? typeof(object), Json);
    }

    private static async Task<List<object?>> Drain<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<object?>();
        await foreach (var row in rows) list.Add(row);
        return list;
    }

    /// <summary>A request from its parameters' defaults (a filter record from its own defaults); anything else needs an override.</summary>
    private static object Build(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p =>
            p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType.Namespace?.StartsWith("AgentP.Application", StringComparison.Ordinal) == true && p.ParameterType.IsClass ? Build(p.ParameterType)
            : throw new CannotBuild($"parameter {p.Name} ({p.ParameterType.Name}) has no default; add the request to {nameof(Overrides)} with a value from salon A's own data"))
            .ToArray();
        return constructor.Invoke(arguments);
    }

    private sealed class CannotBuild(string message) : Exception(message);
}
