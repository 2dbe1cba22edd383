using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentP.Application.Dialogs;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

public class ClientsFixture : AppFixture
{
    public const string Password = "Clients-pass-2026";
    public Guid Anna { get; private set; }
    public Guid Boris { get; private set; }
    public Guid Foreign { get; private set; }

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Клиенты»");
        var other = await Db.Bot.TenantAsync("Чужой салон");
        // The clock says 2026-11-23: Anna came on 1 October and usually returns every 21 days — 32 days overdue.
        Anna = await Db.Bot.ClientAsync(salon, "Анна 50% скидка", "+7 (999) 111-22-33");
        await Db.Bot.MemoryAsync(salon, Anna, """{"booking_stats": {"staff_101": 5, "staff_102": 2}, "last_visit_date": "2026-10-01", "avg_visit_interval": 21}""", "101", "evening");
        Boris = await Db.Bot.ClientAsync(salon, "Борис_Тест", "8 999 555 44 33");
        await Db.Bot.MemoryAsync(salon, Boris, """{"last_visit_date": "2026-11-20", "avg_visit_interval": 30}""");
        var galina = await Db.Bot.ClientAsync(salon, "Галина", null);
        await Db.Bot.MemoryAsync(salon, galina, """{"last_visit_date": "вчера", "avg_visit_interval": "часто"}"""); // the bot's data may be odd
        for (var i = 0; i < 50; i++)
        {
            var id = await Db.Bot.ClientAsync(salon, $"Клиентка {i:00}", null);
            if (i == 1) await Db.Bot.MemoryAsync(salon, id, """{"last_visit_date": "2024-02-29", "avg_visit_interval": 9999}"""); // a leap day
            if (i == 2)
            {
                // Overdue since October, but she has booked for 28 November already: not someone to call.
                await Db.Bot.MemoryAsync(salon, id, """{"last_visit_date": "2026-09-01", "avg_visit_interval": 30}""");
                await Db.Bot.SessionAsync(salon, id, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), bookingId: "YC-K2", amount: 1800,
                    bookingAt: new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
            }
        }
        // Shaped like a date but no day of the calendar: read as missing, never a failed page.
        await Db.Bot.MemoryAsync(salon, await Db.Bot.ClientAsync(salon, "Дарина", null), """{"last_visit_date": "2026-02-30", "avg_visit_interval": 30}""");
        Foreign = await Db.Bot.ClientAsync(other, "Анна Чужая", "+7 999 111-22-33");

        var at = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        await Db.Bot.SessionAsync(salon, Anna, at, bookingId: "YC-A1", amount: 2500);
        await Db.Bot.SessionAsync(salon, Anna, at.AddDays(2), status: "dropped");
        var wish = await Db.Bot.WishlistAsync(salon, Anna, at, metaJson: """{"service_title": "Педикюр"}""");
        await App.CreateUserAsync("admin@clients.local", Password, Role.Admin, salon);
        var adminId = await Db.ScalarAsync<long>("SELECT id FROM dashboard.users WHERE email = 'admin@clients.local'");
        await Db.ExecuteAsync("INSERT INTO dashboard.wishlist_actions (wishlist_id, tenant_id, status, comment, processed_by, processed_at) VALUES ($1, $2, 'contacted', 'Перезвонить в пятницу', $3, now())",
            true, wish, salon, adminId);
    }
}

/// <summary>The same salon once the client index has caught up (and indexed every dialog): the list reads the index.</summary>
public sealed class IndexedClientsFixture : ClientsFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await Db.SealPublicAsync(); // the bot's write above, not the dashboard's
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs());
    }
}

/// <summary>The clients list read live from the bot's tables (before the client index's first run).</summary>
public sealed class ClientsTests(ClientsFixture fixture) : ClientsTestsBase(fixture), IClassFixture<ClientsFixture>;

/// <summary>The same list read from the client index: the same answers.</summary>
public sealed class IndexedClientsTests(IndexedClientsFixture fixture) : ClientsTestsBase(fixture), IClassFixture<IndexedClientsFixture>
{
    [Fact]
    public async Task The_index_is_ready_and_holds_every_client_with_their_dialogs_and_due_day()
    {
        Assert.Equal(2, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.client_index_marks WHERE caught_up"));
        Assert.Equal(55, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.client_facts"));
        Assert.Equal("2|1|2026-10-22", await fixture.Db.ScalarAsync<string>(
            $"SELECT dialogs || '|' || bookings || '|' || due_on FROM dashboard.client_facts WHERE client_id = '{fixture.Anna}'"));
    }
}

/// <summary>The clients list (literal search, due for a visit, paging, export) and the client card.</summary>
public abstract partial class ClientsTestsBase(ClientsFixture fixture)
{
    private Task<HttpClient> AdminAsync() => fixture.App.SignedInAsync("admin@clients.local", ClientsFixture.Password);

    private static List<string> Names(string html) => ClientLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [Theory]
    [InlineData("50%25", "Анна 50% скидка")]
    [InlineData("%25", "Анна 50% скидка")]
    [InlineData("_", "Борис_Тест")]
    [InlineData("1112233", "Анна 50% скидка")]
    [InlineData("%2B7%20999%20111", "Анна 50% скидка")]
    [InlineData("999-555", "Борис_Тест")]
    [InlineData("БОРИС", "Борис_Тест")]
    public async Task The_search_is_literal_and_phones_match_by_digits(string q, string only)
    {
        using var client = await AdminAsync();
        Assert.Equal([only], Names(await client.GetStringAsync($"/clients?q={q}")));
    }

    [Fact]
    public async Task Clients_due_for_a_visit_are_counted_and_filtered_with_the_days_overdue()
    {
        using var client = await AdminAsync();
        var all = await client.GetStringAsync("/clients");
        Assert.Contains("Пора на визит: 1", all);
        var due = await client.GetStringAsync("/clients?due=1");
        Assert.Equal(["Анна 50% скидка"], Names(due));
        Assert.Contains("просрочено на 32 дн.", due);
        Assert.Contains("Пора на визит: 1", due);
        // Counted among the clients the search finds, even when the page itself is empty.
        Assert.Contains("Пора на визит: 0", await client.GetStringAsync("/clients?q=%D0%91%D0%BE%D1%80%D0%B8%D1%81")); // Борис: not due
        var none = await client.GetStringAsync("/clients?due=1&q=%D0%91%D0%BE%D1%80%D0%B8%D1%81");
        Assert.Empty(Names(none));
        Assert.Contains("Пора на визит: 0", none);
        Assert.Contains("Пора на визит: 1", await client.GetStringAsync("/clients?due=1&q=50%25"));
    }

    [Fact]
    public async Task Keyset_paging_lists_every_client_once()
    {
        using var client = await AdminAsync();
        var first = await client.GetStringAsync("/clients");
        var next = NextLink().Match(first).Groups[1].Value;
        var second = await client.GetStringAsync(WebUtility.HtmlDecode(next));
        var names = Names(first).Concat(Names(second)).ToList();
        Assert.Equal(54, names.Count);
        Assert.Equal(54, names.Distinct().Count());
        Assert.DoesNotContain("Анна Чужая", names);
    }

    [Fact]
    public async Task The_card_shows_memory_dialogs_and_wishlist_decisions()
    {
        using var client = await AdminAsync();
        var html = await client.GetStringAsync($"/clients/{fixture.Anna}");
        Assert.Contains("data-testid=\"client-name\">Анна 50% скидка</h1>", html);
        Assert.Contains("<td>staff_101</td><td class=\"text-end\">5</td>", html);
        Assert.Equal(2, Regex.Matches(html, "href=\"/sessions/\\d+\"").Count);
        Assert.Contains("Перезвонить в пятницу", html);
        Assert.Contains("Связались", html);
        Assert.Contains("просрочено на 32 дн.", html);
    }

    [Fact]
    public async Task A_client_with_odd_memory_data_still_shows()
    {
        using var client = await AdminAsync();
        Assert.Equal(["Галина"], Names(await client.GetStringAsync("/clients?q=%D0%93%D0%B0%D0%BB%D0%B8%D0%BD%D0%B0")));
        Assert.Equal(["Дарина"], Names(await client.GetStringAsync("/clients?q=%D0%94%D0%B0%D1%80%D0%B8%D0%BD%D0%B0"))); // 30 February
        Assert.Contains("29 февр. 2024", await client.GetStringAsync("/clients?q=01"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/clients?due=true")).StatusCode);
    }

    [Fact]
    public async Task Another_salons_client_and_a_malformed_id_are_404()
    {
        using var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/clients/{fixture.Foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/clients/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/clients/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_long_search_gets_a_400_with_a_message()
    {
        using var client = await AdminAsync();
        var response = await client.GetAsync("/clients?q=" + new string('a', 101));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Слишком длинный текст поиска", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_export_holds_every_client_of_the_filter()
    {
        using var client = await AdminAsync();
        var bytes = await client.GetByteArrayAsync("/clients?handler=export");
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(55, lines.Length); // header + 54
        Assert.Contains(lines, l => l.StartsWith($"{fixture.Anna};Анна 50% скидка;", StringComparison.Ordinal) && l.Contains(";2026-10-01;21;32;2;"));
    }

    [GeneratedRegex("data-testid=\"client-link\">([^<]+)</a>")]
    internal static partial Regex ClientLink();
    [GeneratedRegex("rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}

/// <summary>The same salon with figures reused for 5 minutes, as production reuses them for 30 s.</summary>
public sealed class CachingClientsFixture : ClientsFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(CachedFiveMinutes);
}

/// <summary>Counts of due clients are reused (searches too) until the client index job runs.</summary>
public sealed class CachedDueCountTests(CachingClientsFixture fixture) : IClassFixture<CachingClientsFixture>
{
    [Fact]
    public async Task Due_counts_are_reused_until_the_index_job_and_the_due_list_is_most_overdue_first()
    {
        using var client = await fixture.App.SignedInAsync("admin@clients.local", ClientsFixture.Password);
        Assert.Contains("Пора на визит: 1", await client.GetStringAsync("/clients"));

        // The bot learns that Boris (last visit 20 November) comes every day: due since the 22nd.
        await fixture.Db.ExecuteAsync("""UPDATE public.user_ltm_v2 SET ltm_data = '{"last_visit_date": "2026-11-20", "avg_visit_interval": 1}' WHERE user_id = $1""",
            true, fixture.Boris);
        await fixture.Db.SealPublicAsync(); // the bot's write above, not the dashboard's

        Assert.Contains("Пора на визит: 1", await client.GetStringAsync("/clients")); // the salon's figure, reused
        Assert.Contains("Пора на визит: 1", await client.GetStringAsync("/clients?q=%D0%91%D0%BE%D1%80%D0%B8%D1%81")); // Борис: a new search, counted now
        // The due list reads the memory live before the client index has run: most overdue first, with the days.
        var due = await client.GetStringAsync("/clients?due=1");
        Assert.Equal(["Анна 50% скидка", "Борис_Тест"], ClientsTestsBase.ClientLink().Matches(due).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        Assert.Matches("(?s)просрочено на 32 дн\\..*просрочено на 2 дн\\.", due);

        // The index job takes the change in and makes the counts old.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs());
        Assert.Contains("Пора на визит: 2", await client.GetStringAsync("/clients"));
        Assert.Equal(["Анна 50% скидка", "Борис_Тест"],
            ClientsTestsBase.ClientLink().Matches(await client.GetStringAsync("/clients?due=1")).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
    }
}
