using System.Net;
using AgentP.Application.Dialogs;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>The clients' salon with every dialog settled and a master named in Anna's booked dialog; nothing indexed yet.</summary>
public sealed class ClientIndexFixture : ClientsFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await Db.ExecuteAsync("""UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour', meta = '{"staff_id": "staff_101", "staff_name": "Ольга"}' WHERE booking_id IS NOT NULL""");
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await Db.SealPublicAsync(); // the bot's write above, not the dashboard's
    }

    public async Task<DialogsIndexed> IndexAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs());
    }
}

/// <summary>dashboard.client_facts: built by two instances at once without counting anything twice, and kept up with the bot's memory.</summary>
public sealed class ClientIndexTests(ClientIndexFixture fixture) : IClassFixture<ClientIndexFixture>
{
    private Task<string> AnnaAsync() => fixture.Db.ScalarAsync<string>(
        $"SELECT dialogs || '|' || bookings || '|' || first_dialog_at::date || '|' || last_dialog_at::date || '|' || due_on FROM dashboard.client_facts WHERE client_id = '{fixture.Anna}'");

    [Fact]
    public async Task Two_runs_at_once_build_it_once_a_rerun_changes_nothing_and_memory_changes_follow_by_updated_at()
    {
        var runs = await Task.WhenAll(fixture.IndexAsync(), fixture.IndexAsync());
        Assert.Equal(3, runs.Sum(r => r.Added)); // the salon's three dialogs (Anna's two, one booked ahead), by one run or the other, never both
        Assert.Equal("2|1|2026-11-10|2026-11-12|2026-10-22", await AnnaAsync());
        Assert.Equal(55, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.client_facts"));
        Assert.Equal("Ольга", await fixture.Db.ScalarAsync<string>("SELECT name FROM dashboard.staff_names WHERE staff_id = '101'"));

        Assert.Equal(0, (await fixture.IndexAsync()).Added);
        Assert.Equal("2|1|2026-11-10|2026-11-12|2026-10-22", await AnnaAsync());

        // The bot learns that Anna came on 20 November; the next run reads the change by its updated_at.
        await fixture.Db.ExecuteAsync($$"""UPDATE public.user_ltm_v2 SET ltm_data = '{"last_visit_date": "2026-11-20", "avg_visit_interval": 21}', updated_at = now() WHERE user_id = '{{fixture.Anna}}'""");
        await fixture.Db.SealPublicAsync();
        await fixture.IndexAsync();
        Assert.Equal("2|1|2026-11-10|2026-11-12|2026-12-11", await AnnaAsync());

        // Emptied to be rebuilt, the dialog index takes the clients' counts with it: nothing is counted twice.
        await fixture.Db.ExecuteAsync("TRUNCATE dashboard.dialog_facts");
        await fixture.IndexAsync();
        Assert.Equal("2|1|2026-11-10|2026-11-12|2026-12-11", await AnnaAsync());
    }
}

/// <summary>Masters by name (issue: the list showed <c>101</c>): the bot's dialogs name them.</summary>
public sealed class StaffNameTests(ClientIndexFixture fixture) : IClassFixture<ClientIndexFixture>
{
    [Fact]
    public async Task The_list_names_the_favourite_master_and_keeps_the_id_where_no_name_is_known()
    {
        await fixture.IndexAsync();
        using var client = await fixture.App.SignedInAsync("admin@clients.local", ClientsFixture.Password);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/clients?q=%D0%90%D0%BD%D0%BD%D0%B0")); // Анна
        Assert.Contains("<td>Ольга</td>", html);
        Assert.DoesNotContain("<td>101</td>", html);
        var card = WebUtility.HtmlDecode(await client.GetStringAsync($"/clients/{fixture.Anna}"));
        Assert.Contains("<td>Ольга</td><td class=\"text-end\">5</td>", card); // booking_stats' staff_101
        Assert.Contains("<td>staff_102</td>", card); // no name known: the id
    }
}

/// <summary>A client the index does not hold yet, whose first dialog is above the dialog index's mark: read live, not missing.</summary>
public sealed class LiveClientTests(ClientIndexFixture fixture) : IClassFixture<ClientIndexFixture>
{
    [Fact]
    public async Task A_client_created_since_the_last_run_with_a_dialog_shows_in_the_list_and_the_search()
    {
        await fixture.IndexAsync();
        var salon = await fixture.Db.ScalarAsync<Guid>($"SELECT tenant_id FROM public.clients_v2 WHERE id = '{fixture.Anna}'");
        var zoya = await fixture.Db.Bot.ClientAsync(salon, "Зоя Новая", null);
        await fixture.Db.Bot.SessionAsync(salon, zoya, new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await fixture.Db.SealPublicAsync(); // the bot's writes above, not the dashboard's
        Assert.Equal(0, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.client_facts WHERE client_id = '{zoya}'"));

        using var client = await fixture.App.SignedInAsync("admin@clients.local", ClientsFixture.Password);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/clients"));
        Assert.Equal("Зоя Новая", ClientsTestsBase.ClientLink().Match(list).Groups[1].Value); // the newest
        Assert.Single(ClientsTestsBase.ClientLink().Matches(await client.GetStringAsync("/clients?q=%D0%97%D0%BE%D1%8F"))); // Зоя
    }
}
