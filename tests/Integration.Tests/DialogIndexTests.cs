using System.Text;
using System.Text.RegularExpressions;
using AgentP.Application.Dialogs;
using AgentP.Domain.Common;
using AgentP.Infrastructure.Jobs;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AgentP.Integration.Tests;

public partial class DialogIndexFixture : AppFixture
{
    public const string Password = "Dialogs-pass-2026";
    public Guid Anna { get; private set; }
    public Guid Boris { get; private set; }
    public long[] AnnaDialogs { get; private set; } = [];

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Индекс»");
        var other = await Db.Bot.TenantAsync("Чужой салон");
        Anna = await Db.Bot.ClientAsync(salon, "Анна", "+7 999 100-00-01");
        Boris = await Db.Bot.ClientAsync(salon, "Борис", "+7 999 100-00-02");
        var foreign = await Db.Bot.ClientAsync(other, "Вера", "+7 999 100-00-03");
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        // In id order: two settled dialogs of Anna, one still being written (young), then settled ones of Boris and the other salon.
        var a1 = await Db.Bot.SessionAsync(salon, Anna, at);
        var a2 = await Db.Bot.SessionAsync(salon, Anna, at.AddDays(1), bookingId: "YC-1", amount: 1500);
        var a3 = await Db.Bot.SessionAsync(salon, Anna, at.AddDays(2), status: "dropped");
        await Db.Bot.SessionAsync(salon, Boris, at.AddDays(3));
        await Db.Bot.SessionAsync(other, foreign, at.AddDays(4));
        AnnaDialogs = [a1, a2, a3];
        await Db.ExecuteAsync($"UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour' WHERE id <> {a3}");
        await App.CreateUserAsync("admin@dialogs.local", Password, Role.Admin, salon);
        await App.CreateUserAsync("admin@other.local", Password, Role.Admin, other);
    }

    /// <summary>Dialogs per client as the clients export counts them, and the links on Anna's card.</summary>
    public async Task<(int Anna, int Boris, string Card)> SeenAsync(HttpClient client)
    {
        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/clients?handler=export"))[3..]).Split("\r\n");
        int Count(Guid id) => int.Parse(csv.Single(l => l.StartsWith(id.ToString(), StringComparison.Ordinal)).Split(';')[^2]);
        var card = await client.GetStringAsync($"/clients/{Anna}");
        return (Count(Anna), Count(Boris), string.Join(",", SessionLink().Matches(card).Select(m => m.Groups[1].Value)));
    }

    [GeneratedRegex("href=\"/sessions/(\\d+)\"")]
    private static partial Regex SessionLink();

    public async Task<DialogsIndexed> IndexAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexDialogs());
    }
}

/// <summary>
/// dashboard.dialog_facts (which dialog is whose): copied once, up to the first dialog still being written, and the
/// clients list and card read the same dialogs before, during and after the copy — none missing, none twice.
/// </summary>
public sealed class DialogIndexTests(DialogIndexFixture fixture) : IClassFixture<DialogIndexFixture>
{
    [Fact]
    public async Task Dialogs_are_indexed_once_up_to_the_first_young_one_and_pages_read_them_all_meanwhile()
    {
        using var client = await fixture.App.SignedInAsync("admin@dialogs.local", DialogIndexFixture.Password);
        var before = await fixture.SeenAsync(client);
        Assert.Equal((3, 1), (before.Anna, before.Boris));

        // The young dialog stops the copy: the settled ones above it wait, or a late commit below them would be lost.
        var first = await fixture.IndexAsync();
        Assert.Equal(2, first.Added);
        Assert.Equal(fixture.AnnaDialogs[1], first.IndexedUpTo);
        Assert.Equal(fixture.AnnaDialogs[..2], await IndexedAsync());
        Assert.Equal(before, await fixture.SeenAsync(client));

        // Once it has settled, the rest follows (every salon's), and nothing is copied twice.
        await fixture.Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await fixture.Db.SealPublicAsync(); // the bot's write above, not the dashboard's
        var second = await fixture.IndexAsync();
        Assert.Equal(3, second.Added);
        Assert.Equal(0, (await fixture.IndexAsync()).Added);
        Assert.Equal(5, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.dialog_facts"));
        Assert.Equal(before, await fixture.SeenAsync(client));
    }

    [Fact]
    public async Task The_copy_is_scheduled_every_minute_in_the_shared_store()
    {
        var scheduler = await fixture.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(IndexDialogsJob.Trigger));
        Assert.Equal(IndexDialogsJob.Key, trigger.JobKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 11, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(new DateTimeOffset(2026, 11, 23, 9, 10, 5, TimeSpan.Zero)));
    }

    private Task<long[]> IndexedAsync() =>
        fixture.Db.ScalarAsync<long[]>("SELECT array_agg(session_id ORDER BY session_id) FROM dashboard.dialog_facts");

}

/// <summary>Tenant isolation over the index (its own database: indexing everything would spoil the test above).</summary>
public sealed class DialogIndexIsolationTests(DialogIndexFixture fixture) : IClassFixture<DialogIndexFixture>
{
    [Fact]
    public async Task Another_salons_admin_sees_none_of_the_indexed_clients()
    {
        await fixture.Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await fixture.Db.SealPublicAsync();
        await fixture.IndexAsync();

        using var other = await fixture.App.SignedInAsync("admin@other.local", DialogIndexFixture.Password);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync($"/clients/{fixture.Anna}")).StatusCode);
        var csv = Encoding.UTF8.GetString((await other.GetByteArrayAsync("/clients?handler=export"))[3..]);
        Assert.DoesNotContain(fixture.Anna.ToString(), csv);
        var vera = csv.Split("\r\n").Single(l => l.Contains(";Вера;", StringComparison.Ordinal)); // their own client
        Assert.Equal("1", vera.Split(';')[^2]); // and her one dialog, from the index
    }
}

public sealed class CachedMarkFixture : DialogIndexFixture
{
    protected override Task<IReadOnlyDictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(CachedFiveMinutes);
}

/// <summary>Pages reuse the index's mark for a while: an older mark leaves more dialogs to the live side, never loses or doubles one.</summary>
public sealed class CachedMarkTests(CachedMarkFixture fixture) : IClassFixture<CachedMarkFixture>
{
    [Fact]
    public async Task Pages_read_every_dialog_once_while_the_mark_they_hold_is_older_than_the_index()
    {
        using var client = await fixture.App.SignedInAsync("admin@dialogs.local", DialogIndexFixture.Password);
        await fixture.Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour'");
        await fixture.Db.SealPublicAsync();
        await fixture.IndexAsync(); // every dialog indexed; the mark the pages read next is then reused
        var before = await fixture.SeenAsync(client);
        Assert.Equal((3, 1), (before.Anna, before.Boris));

        // The bot archives another dialog of Anna's and the job indexes it: the pages still hold the old mark.
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var salon = await fixture.Db.ScalarAsync<Guid>($"SELECT tenant_id FROM public.clients_v2 WHERE id = '{fixture.Anna}'");
        var added = await fixture.Db.Bot.SessionAsync(salon, fixture.Anna, at);
        await fixture.Db.ExecuteAsync($"UPDATE public.conversation_sessions_v2 SET created_at = now() - interval '1 hour' WHERE id = {added}");
        await fixture.Db.SealPublicAsync();
        Assert.Equal(1, (await fixture.IndexAsync()).Added);

        var after = await fixture.SeenAsync(client);
        Assert.Equal((4, 1), (after.Anna, after.Boris));
        Assert.Equal($"{added},{before.Card}", after.Card);
    }
}
