using AgentP.TestSupport;
using AgentP.Domain.Common;

namespace AgentP.Integration.Tests;

/// <summary>Two salons with today's dialogs (clock: 2026-11-23 12:00 Moscow) and a user of each role.</summary>
public class TwoSalonsFixture : AppFixture
{
    public const string Password = "Correct-horse-42";

    public Guid SalonA { get; private set; }
    public Guid SalonB { get; private set; }
    public TestUser SuperAdmin { get; private set; } = null!;
    public TestUser AdminA { get; private set; } = null!;
    public TestUser StaffA { get; private set; } = null!;
    public TestUser AdminB { get; private set; } = null!;

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
        // Salon B today: 5 dialogs, 1 booking.
        for (var i = 0; i < 5; i++)
            await Db.Bot.SessionAsync(SalonB, clientB, now.AddMinutes(-10 * (i + 1)), bookingId: i == 0 ? "YC-B" : null, amount: i == 0 ? 4000 : null);

        SuperAdmin = new(await App.CreateUserAsync("root@test.local", Password, Role.SuperAdmin, null), Role.SuperAdmin, null);
        AdminA = new(await App.CreateUserAsync("admin-a@test.local", Password, Role.Admin, SalonA), Role.Admin, SalonA);
        StaffA = new(await App.CreateUserAsync("staff-a@test.local", Password, Role.Staff, SalonA), Role.Staff, SalonA);
        AdminB = new(await App.CreateUserAsync("admin-b@test.local", Password, Role.Admin, SalonB), Role.Admin, SalonB);
    }
}

/// <summary>The same salons with figures, badges and lookups reused for 5 minutes, as production reuses them for 30 s.</summary>
public sealed class ReusingSalonsFixture : TwoSalonsFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(ReusedFiveMinutes);
}
