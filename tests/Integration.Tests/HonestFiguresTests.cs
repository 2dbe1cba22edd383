using System.Text.RegularExpressions;
using AgentP.Application.Metrics;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using AgentP.TestSupport;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Integration.Tests;

/// <summary>
/// Clock: Monday 2026-11-23 09:00 UTC, 12:00 in Moscow. «Сегодня» has two booked dialogs in its first hour; the closed days of
/// the week before hold 14 dialogs; the week before that 7 on its Thursday and 50 on its Monday (the day that matches today).
/// «Тишина» had dialogs two days ago and none today.
/// </summary>
public sealed class HonestFiguresFixture : AppFixture
{
    public const string Password = "Honest-pass-2026";
    public Guid Salon { get; private set; }
    public TestUser Admin { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        Salon = await Db.Bot.TenantAsync("Салон «Сегодня»");
        var quiet = await Db.Bot.TenantAsync("Салон «Тишина»");
        var client = await Db.Bot.ClientAsync(Salon);
        var msk = TimeSpan.FromHours(3);
        DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, msk);
        await Db.Bot.SessionAsync(Salon, client, At(23, 0, 30), bookingId: "YC-1", amount: 1000);
        await Db.Bot.SessionAsync(Salon, client, At(23, 1, 0), bookingId: "YC-2", amount: 1000);
        for (var i = 0; i < 4; i++) await Db.Bot.SessionAsync(Salon, client, At(20, 10 + i));
        for (var i = 0; i < 10; i++) await Db.Bot.SessionAsync(Salon, client, At(22, 9 + i), bookingId: i < 2 ? $"YC-Y{i}" : null, amount: i < 2 ? 500 : null);
        for (var i = 0; i < 7; i++) await Db.Bot.SessionAsync(Salon, client, At(12, 10 + i));
        for (var i = 0; i < 50; i++) await Db.Bot.SessionAsync(Salon, client, At(16, 8, i));
        await Db.Bot.SessionAsync(quiet, await Db.Bot.ClientAsync(quiet), At(21, 12));

        Admin = new(await App.CreateUserAsync("admin@today.local", Password, Role.Admin, Salon), Role.Admin, Salon);
        await App.CreateUserAsync("admin@quiet.local", Password, Role.Admin, quiet);
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CollectDailyMetrics(new(2026, 11, 1), new(2026, 11, 22)));
    }
}

/// <summary>Figures that do not mislead: today is compared like for like or not at all, days not over are marked, no dialogs is «—».</summary>
public sealed class HonestFiguresTests(HonestFiguresFixture fixture) : IClassFixture<HonestFiguresFixture>
{
    [Fact]
    public async Task A_period_running_into_today_is_compared_by_its_closed_days_against_as_many_days_before()
    {
        var report = await fixture.App.SendAs(fixture.Admin, new GetOverview("7d", null, null));

        Assert.Equal(16, report.Current.Dialogs); // what the period holds, today included
        Assert.Equal(14, report.ComparedCurrent.Dialogs); // 17–22 Nov
        Assert.Equal(7, report.Previous.Dialogs); // 10–15 Nov, not 16 Nov (the weekday of today, whose day is not over)
    }

    [Fact]
    public async Task Today_alone_is_not_compared_with_a_whole_day()
    {
        using var client = await fixture.App.SignedInAsync("admin@today.local", HonestFiguresFixture.Password);
        var html = await client.GetStringAsync("/?range=today");
        Assert.Contains("data-testid=\"kpi-dialogs\">2<", html);
        Assert.DoesNotContain("к прошлому периоду", html);
        Assert.Contains("день ещё идёт: сравним, когда закончится", html);
    }

    [Fact]
    public async Task Today_is_partial_in_the_csv_and_no_conversion_spike_in_the_chart()
    {
        using var client = await fixture.App.SignedInAsync("admin@today.local", HonestFiguresFixture.Password);
        var csv = (await client.GetStringAsync("/?handler=export&range=7d")).Trim().Split('\n');
        Assert.StartsWith("2026-11-23;2026-11-23;yes;2;", csv[^1].TrimStart('\uFEFF'));
        Assert.StartsWith("2026-11-22;2026-11-22;no;10;", csv[^2]);

        var html = await client.GetStringAsync("/?range=7d");
        var conversion = Regex.Match(html, "\"conversion\":\\[([^\\]]*)\\]").Groups[1].Value.Split(',');
        Assert.Equal("null", conversion[^1]); // today's 2 of 2 booked is no 100 % day
        Assert.NotEqual("null", conversion[^2]);
    }

    [Fact]
    public async Task A_day_without_dialogs_shows_no_rate_rather_than_zero_percent()
    {
        using var client = await fixture.App.SignedInAsync("admin@quiet.local", HonestFiguresFixture.Password);
        var html = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"today-dialogs\">0<", html);
        Assert.Contains("data-testid=\"today-conversion\">—<", html);
        Assert.Contains("data-testid=\"today-containment\">—<", html);
    }

    [Fact]
    public async Task Retention_marks_the_period_and_the_cohort_month_not_over()
    {
        using var client = await fixture.App.SignedInAsync("admin@today.local", HonestFiguresFixture.Password);
        var html = await client.GetStringAsync("/retention");
        // By month over the last six: only November, which is not over, is marked.
        Assert.Single(Regex.Matches(html, "data-testid=\"period-partial\""));
        Assert.Contains("data-start=\"2026-11-01\"", Regex.Match(html, "<tr[^>]*data-start=\"[^\"]*\"[^>]*>(?:(?!</tr>).)*period-partial", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task The_overview_for_excel_reads_as_meant_with_russian_number_rules()
    {
        using var client = await fixture.App.SignedInAsync("admin@today.local", HonestFiguresFixture.Password);
        using var response = await client.GetAsync("/?handler=export&from=2026-11-16&to=2026-11-23&format=excel");
        Assert.Contains("-excel.csv", response.Content.Headers.ContentDisposition!.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Trim().Split('\n').Select(l => l.TrimEnd('\r').Split(';')).ToList();
        var ru = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");

        Assert.Equal(["Начало периода", "Конец периода", "Период неполный", "Диалоги", "Записи", "Конверсия, %", "Выручка, ₽", "Время ответа, с",
            "Эскалации", "Брошены", "Бот справился сам, %"], lines[0]);
        var yesterday = lines.Single(l => l[0] == "22.11.2026");
        Assert.Equal(new DateTime(2026, 11, 22), DateTime.Parse(yesterday[0], ru));
        Assert.Equal("нет", yesterday[2]);
        Assert.Equal(10, long.Parse(yesterday[3], ru));
        Assert.Equal(20m, decimal.Parse(yesterday[5], ru)); // «20,00»: 2 of 10, a number to Russian Excel, not a date
        Assert.Equal(1000m, decimal.Parse(yesterday[6], ru));
        Assert.Equal("да", lines[^1][2]); // today, not over
        Assert.Equal(50, long.Parse(lines[1][3], ru)); // the 16th
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain('.', l[5] + l[6] + l[10]));
    }
}
