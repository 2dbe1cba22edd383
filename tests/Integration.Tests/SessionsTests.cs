using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentP.Domain.Common;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

public sealed class SessionsFixture : AppFixture
{
    public const string Password = "Sessions-pass-2026";
    public Guid SalonA { get; private set; }
    public long Special { get; private set; }
    public Guid Olga { get; private set; }
    public long ForeignSession { get; private set; }
    public int Plain => 60;

    protected override async Task SeedAsync()
    {
        SalonA = await Db.Bot.TenantAsync("Салон «Сессии»");
        var salonB = await Db.Bot.TenantAsync("Чужой салон");
        var anna = await Db.Bot.ClientAsync(SalonA, "Анна Смирнова", "+7 900 000-00-01");
        var olga = Olga = await Db.Bot.ClientAsync(SalonA, "Ольга 100%_скидка", "+7 (912) 345-67-89");
        var stranger = await Db.Bot.ClientAsync(salonB, "Чужая клиентка");

        // 60 plain dialogs, three at each instant: paging must neither skip nor repeat rows with equal timestamps.
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Plain; i++)
            await Db.Bot.SessionAsync(SalonA, anna, start.AddMinutes(i / 3), bookingId: i % 4 == 0 ? $"YC-{i}" : null, amount: i % 4 == 0 ? 1000 : null,
                metaJson: """{"sentiment": "positive"}""");

        var sessionId = Guid.NewGuid();
        Special = await Db.Bot.SessionAsync(SalonA, olga, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), status: "dropped",
            channel: "whatsapp", sessionId: sessionId, metaJson: """{"sentiment": "negative", "drop_off_stage": "time_selection"}""");
        await Db.ExecuteAsync("UPDATE public.conversation_sessions_v2 SET summary = $1, final_intent = 'booking' WHERE id = $2", true,
            "=HYPERLINK(\"x\") <b>жирный</b>\nвторая строка", Special);
        var t = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        await Db.Bot.MessageAsync(SalonA, olga, sessionId, "user", t, "<script>alert('x')</script>\nЕсть время завтра?");
        await Db.Bot.MessageAsync(SalonA, olga, sessionId, "assistant", t.AddSeconds(4), "Да, в 15:30 & 18:00");
        await Db.Bot.MessageAsync(SalonA, olga, sessionId, "user", t.AddSeconds(30), "Спасибо");

        ForeignSession = await Db.Bot.SessionAsync(salonB, stranger, t);
        await App.CreateUserAsync("admin@sessions.local", Password, Role.Admin, SalonA);
        await App.CreateUserAsync("admin-b@sessions.local", Password, Role.Admin, salonB);
    }
}

/// <summary>The sessions list (filters, keyset paging, export) and the transcript.</summary>
public sealed partial class SessionsTests(SessionsFixture fixture) : IClassFixture<SessionsFixture>
{
    private Task<HttpClient> AdminAsync(string email = "admin@sessions.local") => fixture.App.SignedInAsync(email, SessionsFixture.Password);

    private static List<long> Ids(string html) => SessionLink().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task Keyset_paging_walks_every_dialog_once_newest_first_and_back()
    {
        using var client = await AdminAsync();
        var first = await client.GetStringAsync("/sessions");
        var page1 = Ids(first);
        Assert.Equal(50, page1.Count);
        Assert.Equal(fixture.Special, page1[0]);
        Assert.DoesNotContain("rel=\"prev\"", first);

        var next = NextLink().Match(first).Groups[1].Value;
        var second = await client.GetStringAsync(WebUtility.HtmlDecode(next));
        var page2 = Ids(second);
        Assert.Equal(fixture.Plain + 1 - 50, page2.Count);
        Assert.Empty(page1.Intersect(page2));
        Assert.DoesNotContain("rel=\"next\"", second);
        Assert.Equal(page1.Concat(page2).OrderByDescending(id => id), page1.Concat(page2)); // equal instants ordered by id

        var back = PrevLink().Match(second).Groups[1].Value;
        Assert.Equal(page1, Ids(await client.GetStringAsync(WebUtility.HtmlDecode(back))));
    }

    [Theory]
    [InlineData("/sessions?status=dropped&channel=whatsapp", 1)]
    [InlineData("/sessions?sentiment=negative", 1)]
    [InlineData("/sessions?stage=time_selection", 1)]
    [InlineData("/sessions?sentiment=positive&booked=yes", 15)]
    [InlineData("/sessions?booked=no&status=done", 45)]
    [InlineData("/sessions?intent=booking", 1)]
    [InlineData("/sessions?from=2026-11-20&to=2026-11-20", 1)]
    [InlineData("/sessions?q=100%25_", 1)]
    [InlineData("/sessions?q=_", 1)]
    [InlineData("/sessions?q=%25", 1)]
    [InlineData("/sessions?q=9123456789", 1)]
    [InlineData("/sessions?q=%2B7%20912%20345", 1)]
    [InlineData("/sessions?q=%D0%B6%D0%B8%D1%80%D0%BD%D1%8B%D0%B9", 1)]
    [InlineData("/sessions?q=nothing-like-this", 0)]
    public async Task Filters_narrow_the_list(string url, int expected)
    {
        using var client = await AdminAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, Ids(html).Count);
        if (expected == 0) Assert.Contains("Диалогов по этим условиям нет", html);
    }

    [Theory]
    [InlineData("/sessions?status=lost", "Неизвестный статус.")]
    [InlineData("/sessions?from=2026-11-31", "Дата «с» должна быть")]
    [InlineData("/sessions?from=2026-11-20&to=2026-11-01", "Дата «по» раньше даты «с».")]
    [InlineData("/sessions?after=garbage", "Неверная ссылка на страницу.")]
    [InlineData("/sessions?booked=maybe", "Фильтр «запись» принимает yes или no.")]
    public async Task Bad_filters_get_a_400_with_a_message(string url, string message)
    {
        using var client = await AdminAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_transcript_shows_messages_escaped_with_response_times()
    {
        using var client = await AdminAsync();
        var html = await client.GetStringAsync($"/sessions/{fixture.Special}");

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&#xA;Есть время завтра?", html); // the line break kept (pre-wrap)
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("Да, в 15:30 &amp; 18:00", html);
        Assert.Contains("ответ за 4,0&#xA0;с", html);
        Assert.Single(ResponseTime().Matches(html)); // the last user message is unanswered
        Assert.Contains("&lt;b&gt;жирный&lt;/b&gt;", html);
        Assert.Contains("Ольга 100%_скидка", html);
        Assert.Contains($"data-testid=\"session-client\"><a href=\"/clients/{fixture.Olga}\">Ольга 100%_скидка</a>", html); // to the client's card
    }

    [Fact]
    public async Task Another_salons_dialog_and_a_non_numeric_id_are_404()
    {
        using var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sessions/{fixture.ForeignSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sessions/abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sessions/99999999999")).StatusCode);

        using var other = await AdminAsync("admin-b@sessions.local");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/sessions/{fixture.Special}")).StatusCode);
        var list = await other.GetStringAsync("/sessions");
        Assert.Equal([fixture.ForeignSession], Ids(list));
    }

    [Fact]
    public async Task The_export_has_the_filtered_rows_as_excel_friendly_csv()
    {
        using var client = await AdminAsync();
        var response = await client.GetAsync("/sessions/export?status=dropped");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("id;started_at_local;client;channel;status;", text);
        Assert.Contains($"{fixture.Special};2026-11-20 15:00:00;Ольга 100%_скидка;whatsapp;dropped;booking;", text);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\") <b>жирный</b>\nвторая строка\"", text); // quoted, and no formula
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        using var other = await AdminAsync("admin-b@sessions.local");
        Assert.DoesNotContain("Ольга", await other.GetStringAsync("/sessions/export"));
    }

    [GeneratedRegex("href=\"/sessions/(\\d+)\" data-testid=\"session-link\"")]
    private static partial Regex SessionLink();
    [GeneratedRegex("rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
    [GeneratedRegex("rel=\"prev\" href=\"([^\"]+)\"")]
    private static partial Regex PrevLink();
    [GeneratedRegex("data-testid=\"response-time\"")]
    private static partial Regex ResponseTime();
}
