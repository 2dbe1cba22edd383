using AgentP.TestSupport;
using AgentP.Domain.Common;

namespace AgentP.Integration.Tests;

/// <summary>
/// Salons in three time zones with today's dialogs (clock: 2026-11-23 09:00 UTC = 12:00 in Moscow, 19:00 in Vladivostok,
/// 01:00 in Los Angeles) and a user of each role, in the production configuration (the cache on).
/// Salon A counts Moscow days, salon B Vladivostok's (UTC+10), salon C Los Angeles' (UTC−8).
/// </summary>
public class SalonsFixture : AppFixture
{
    public const string Password = "Correct-horse-42";

    public Guid SalonA { get; private set; }
    public Guid SalonB { get; private set; }
    public Guid SalonC { get; private set; }
    public TestUser SuperAdmin { get; private set; } = null!;
    public TestUser AdminA { get; private set; } = null!;
    public TestUser StaffA { get; private set; } = null!;
    public TestUser AdminB { get; private set; } = null!;
    public TestUser AdminC { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        var now = App.Clock.GetUtcNow(); // 09:00 UTC = 12:00 in Moscow
        SalonA = await Db.Bot.TenantAsync("Салон «Альфа»");
        SalonB = await Db.Bot.TenantAsync("Студия «Бета»");
        var clientA = await Db.Bot.ClientAsync(SalonA);
        var clientB = await Db.Bot.ClientAsync(SalonB, "Мария Петрова");

        // Salon A today: 3 dialogs, 2 bookings; one more yesterday evening Moscow time (20:59 UTC = 23:59 MSK).
        await Db.Bot.SessionAsync(SalonA, clientA, now.AddHours(-1), bookingId: "YC-1", amount: 2500);
        await Db.Bot.SessionAsync(SalonA, clientA, now.AddHours(-2), bookingId: "YC-2", amount: 3000);
        await Db.Bot.SessionAsync(SalonA, clientA, now.AddHours(-8.5), status: "dropped"); // 00:30 MSK today
        await Db.Bot.SessionAsync(SalonA, clientA, new DateTimeOffset(2026, 11, 22, 20, 59, 0, TimeSpan.Zero));
        // Salon B today: 5 dialogs, 1 booking (18:10–18:50 in Vladivostok).
        for (var i = 0; i < 5; i++)
            await Db.Bot.SessionAsync(SalonB, clientB, now.AddMinutes(-10 * (i + 1)), bookingId: i == 0 ? "YC-B" : null, amount: i == 0 ? 4000 : null);
        // Salon C: 2 dialogs today (00:40 and 00:50 in Los Angeles) and 1 yesterday by its clock (23:00 on the 22nd there,
        // though it is the 23rd in Moscow).
        SalonC = await Db.Bot.TenantAsync("Салон «Гамма»");
        var clientC = await Db.Bot.ClientAsync(SalonC, "Ольга Смирнова");
        await Db.Bot.SessionAsync(SalonC, clientC, now.AddMinutes(-10));
        await Db.Bot.SessionAsync(SalonC, clientC, now.AddMinutes(-20));
        await Db.Bot.SessionAsync(SalonC, clientC, now.AddHours(-2));
        await ZoneAsync(SalonB, "Asia/Vladivostok");
        await ZoneAsync(SalonC, "America/Los_Angeles");

        SuperAdmin = new(await App.CreateUserAsync("root@test.local", Password, Role.SuperAdmin, null), Role.SuperAdmin, null);
        AdminA = new(await App.CreateUserAsync("admin-a@test.local", Password, Role.Admin, SalonA), Role.Admin, SalonA);
        StaffA = new(await App.CreateUserAsync("staff-a@test.local", Password, Role.Staff, SalonA), Role.Staff, SalonA);
        AdminB = new(await App.CreateUserAsync("admin-b@test.local", Password, Role.Admin, SalonB), Role.Admin, SalonB);
        AdminC = new(await App.CreateUserAsync("admin-c@test.local", Password, Role.Admin, SalonC), Role.Admin, SalonC);
    }

    private Task ZoneAsync(Guid salon, string zone) => Db.ExecuteAsync($"""
        INSERT INTO dashboard.tenant_settings (tenant_id, time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at)
        VALUES ('{salon}', '{zone}', 15, 50, 20, 5, true, now())
        """);

    /// <summary>
    /// Every page as salon B's admin sees it, so each cache entry B's pages make is there (and C's, in its own zone) when
    /// a test then asks as salon A: an isolation check against a warm cache, as in production.
    /// </summary>
    public async Task WarmTheCacheAsOtherSalonsAsync()
    {
        foreach (var email in new[] { "admin-b@test.local", "admin-c@test.local" })
        {
            using var client = await App.SignedInAsync(email, Password);
            foreach (var page in WarmPages)
                using (await client.GetAsync(page)) { }
        }
    }

    public static readonly string[] WarmPages =
    [
        "/", "/?range=today", "/?range=7d", "/?range=30d", "/?range=90d", "/?range=90d&group=month", "/?handler=today", "/sessions", "/wishlist", "/clients", "/clients?due=1", "/alerts",
        "/sessions?from=2026-11-17&to=2026-11-23&booked=yes",
        "/escalations", "/audit", "/users", "/settings", "/retention", "/retention?group=week", "/clients?first_to=2026-11-23",
    ];
}

/// <summary>The same salons with figures, badges and lookups reused for 5 minutes, as production reuses them for 30 s.</summary>
public sealed class CachingSalonsFixture : SalonsFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(CachedFiveMinutes);
}
