using System.Net;
using System.Text.RegularExpressions;
using AgentP.Application.Metrics;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

public sealed class AlertsFixture : AppFixture
{
    public const string Password = "Alerts-pass-2026";
    public Guid Salon { get; private set; }
    public Guid Other { get; private set; }
    public Guid Edge { get; private set; }

    protected override async Task SeedAsync()
    {
        Salon = await Db.Bot.TenantAsync("Салон «Тревога»");
        Other = await Db.Bot.TenantAsync("Спокойный салон");
        await Db.ExecuteAsync("INSERT INTO dashboard.tenant_settings (tenant_id, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, updated_at) VALUES ($1, 50, 50, 20, 1, true, now())", true, Other);
        var c = await Db.Bot.ClientAsync(Salon);
        var o = await Db.Bot.ClientAsync(Other);
        DateTimeOffset Day(int d, int i) => new(2026, 11, d, 8, i, 0, TimeSpan.Zero);

        // The 10th: 10 dialogs, 1 booking (10 %), 6 dropped (60 %), 3 escalated (30 %): three warnings.
        await Db.Bot.SessionAsync(Salon, c, Day(10, 0), bookingId: "YC-1", amount: 100);
        for (var i = 1; i <= 6; i++) await Db.Bot.SessionAsync(Salon, c, Day(10, i), status: "dropped");
        for (var i = 7; i <= 9; i++) await Db.Bot.SessionAsync(Salon, c, Day(10, i), status: "escalated");
        // The 11th: 5 dialogs, all escalated: conversion 0 % and escalations 100 %, both critical.
        for (var i = 0; i < 5; i++) await Db.Bot.SessionAsync(Salon, c, Day(11, i), status: "escalated");
        // The 12th: 4 dropped dialogs: under the minimum of 5, no alert.
        for (var i = 0; i < 4; i++) await Db.Bot.SessionAsync(Salon, c, Day(12, i), status: "dropped");
        // Today (the 23rd): 5 dropped so far, but the day is not closed.
        for (var i = 0; i < 5; i++) await Db.Bot.SessionAsync(Salon, c, Day(23, i), status: "dropped");
        // The other salon converts 100 % of its single dialog: its own threshold of 50 % with a minimum of 1 is met.
        await Db.Bot.SessionAsync(Other, o, Day(10, 0), bookingId: "YC-O", amount: 100);

        // A salon exactly at every threshold on the 10th (20 dialogs: 15 % booked, 50 % dropped, 20 % escalated): no alert.
        Edge = await Db.Bot.TenantAsync("Салон на грани");
        var e = await Db.Bot.ClientAsync(Edge);
        for (var i = 0; i < 20; i++)
            await Db.Bot.SessionAsync(Edge, e, Day(10, i), status: i < 10 ? "dropped" : i < 14 ? "escalated" : "done",
                bookingId: i >= 17 ? $"YC-E{i}" : null, amount: i >= 17 ? 100 : null);

        await App.CreateUserAsync("admin@alerts.local", Password, Role.Admin, Salon);
        await App.CreateUserAsync("staff@alerts.local", Password, Role.Staff, Salon);
        await App.CreateUserAsync("admin@calm.local", Password, Role.Admin, Other);

        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 10), new(2026, 11, 23)));
    }
}

/// <summary>Alerts raised after collection against each salon's thresholds, once per salon, kind and day; acknowledged by admins.</summary>
public sealed partial class AlertsTests(AlertsFixture fixture) : IClassFixture<AlertsFixture>
{
    private Task<string> AlertsAsync() => fixture.Db.ScalarAsync<string>("""
        SELECT string_agg(to_char(day, 'DD') || ' ' || kind || ' ' || severity || ' ' || actual, '; ' ORDER BY day, kind) FROM dashboard.alerts a
        JOIN public.tenants_v2 t ON t.id = a.tenant_id WHERE t.name = 'Салон «Тревога»'
        """);

    [Fact]
    public async Task Thresholds_minimums_and_severities_give_exactly_the_expected_alerts()
    {
        Assert.Equal("10 error_spike warning 30.00; 10 high_drop_off warning 60.00; 10 low_conversion warning 10.00; " +
                     "11 error_spike critical 100.00; 11 low_conversion critical 0.00", await AlertsAsync());
        Assert.Equal("Конверсия 10,0 % при пороге 15 % (10 диалогов)", await fixture.Db.ScalarAsync<string>(
            "SELECT description FROM dashboard.alerts WHERE kind = 'low_conversion' AND day = '2026-11-10'"));
    }

    [Fact]
    public async Task An_alert_names_its_dialogs_in_the_form_their_number_takes()
    {
        // The SQL twin of the one rule, over the numbers its unit test uses.
        Assert.Equal("1 диалог, 2 диалога, 5 диалогов, 11 диалогов, 21 диалог, 22 диалога, 25 диалогов, 111 диалогов",
            await fixture.Db.ScalarAsync<string>($"SELECT string_agg(dialogs || ' ' || {RussianPlural.Sql("dialogs", "диалог", "диалога", "диалогов")}, ', ' ORDER BY dialogs) " +
                                                 "FROM unnest(ARRAY[1, 2, 5, 11, 21, 22, 25, 111]) AS dialogs"));
    }

    [Fact]
    public async Task A_value_exactly_at_a_threshold_raises_nothing()
    {
        Assert.Equal("15.00 10 4", await fixture.Db.ScalarAsync<string>(
            $"SELECT concat_ws(' ', conversion, dropped, escalated) FROM dashboard.metrics_dailies WHERE tenant_id = '{fixture.Edge}' AND day = '2026-11-10'"));
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.alerts WHERE tenant_id = '{fixture.Edge}'"));
    }

    [Fact]
    public async Task Concurrent_evaluations_raise_each_alert_once()
    {
        // Start from no alerts for the salon's two alarming days (acknowledged ones would survive as they are).
        await fixture.Db.ExecuteAsync($"DELETE FROM dashboard.alerts WHERE tenant_id = '{fixture.Salon}'");
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = fixture.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 10), new(2026, 11, 11), fixture.Salon));
        }));
        Assert.Equal(5L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.alerts WHERE tenant_id = '{fixture.Salon}'"));
    }

    [Fact]
    public async Task Collecting_again_raises_nothing_twice()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 1), new(2026, 11, 23)));
        Assert.Equal(5L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.alerts WHERE tenant_id = '{fixture.Salon}'"));
    }

    [Fact]
    public async Task Admins_see_and_acknowledge_their_alerts_with_an_audit_entry()
    {
        using var client = await fixture.App.SignedInAsync("admin@alerts.local", AlertsFixture.Password);
        var html = await client.GetStringAsync("/alerts?state=all");
        Assert.Equal(5, AlertRow().Matches(html).Count);

        var id = await fixture.Db.ScalarAsync<long>("SELECT id FROM dashboard.alerts WHERE kind = 'high_drop_off'");
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/alerts");
        var response = await client.PostAsync($"/alerts?handler=Acknowledge&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["returnUrl"] = "/alerts",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.alerts WHERE id = {id} AND acknowledged_at IS NOT NULL"));
        Assert.Equal(1L, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'acknowledge_alert'"));
        Assert.DoesNotContain("Брошено 60,0", await client.GetStringAsync("/alerts")); // open ones only by default
    }

    [Fact]
    public async Task The_navigation_shows_the_open_count()
    {
        using var client = await fixture.App.SignedInAsync("staff@alerts.local", AlertsFixture.Password);
        Assert.Matches("data-testid=\"alert-badge\">[45]<", await client.GetStringAsync("/sessions"));
    }

    [Fact]
    public async Task Staff_cannot_acknowledge_and_another_salon_gets_404()
    {
        var id = await fixture.Db.ScalarAsync<long>("SELECT id FROM dashboard.alerts WHERE kind = 'error_spike' AND day = '2026-11-11'");
        using (var staff = await fixture.App.SignedInAsync("staff@alerts.local", AlertsFixture.Password))
        {
            var token = await DashboardApp.AntiForgeryTokenAsync(staff, "/alerts");
            var response = await staff.PostAsync($"/alerts?handler=Acknowledge&id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using (var calm = await fixture.App.SignedInAsync("admin@calm.local", AlertsFixture.Password))
        {
            Assert.Contains("Алертов нет", await calm.GetStringAsync("/alerts?state=all"));
            var token = await DashboardApp.AntiForgeryTokenAsync(calm, "/alerts");
            var response = await calm.PostAsync($"/alerts?handler=Acknowledge&id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(0L, await fixture.Db.ScalarAsync<long>($"SELECT count(*) FROM dashboard.alerts WHERE id = {id} AND acknowledged_at IS NOT NULL"));
    }

    [GeneratedRegex("data-testid=\"alert-row\"")]
    private static partial Regex AlertRow();
}
