using System.Net;
using AgentP.Domain.Common;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

public sealed class SettingsFixture : AppFixture
{
    public const string Password = "Settings-pass-2026";
    public const string Token = "123456:SECRET-bot-token-never-shown";
    public Guid Salon { get; private set; }
    public Guid Other { get; private set; }
    public long Root { get; private set; }

    protected override async Task SeedAsync()
    {
        Salon = await Db.Bot.TenantAsync("Салон «Настройки»",
            $$$"""{"telegram_bot_token": "{{{Token}}}", "yclients_token": "yc-secret", "admin_chat_id": "-100777", "current_branch": {"address": "ул. Примерная, 1", "phone": "+7 999 123-45-67"}}""");
        Other = await Db.Bot.TenantAsync("Другой салон");
        await App.CreateUserAsync("admin@settings.local", Password, Role.Admin, Salon);
        await App.CreateUserAsync("staff@settings.local", Password, Role.Staff, Salon);
        await App.CreateUserAsync("admin@other.local", Password, Role.Admin, Other);
        Root = await App.CreateUserAsync("root@settings.local", Password, Role.SuperAdmin, null);
    }
}

public sealed class SettingsAndAuditTests(SettingsFixture fixture) : IClassFixture<SettingsFixture>
{
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await DashboardApp.AntiForgeryTokenAsync(client, "/settings");
        return await client.PostAsync("/settings", new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Valid(string zone = "Asia/Yekaterinburg") => new()
    {
        ["Form.TimeZone"] = zone, ["Form.LowConversionPercent"] = "12.5", ["Form.HighDropOffPercent"] = "40", ["Form.ErrorSpikePercent"] = "25",
        ["Form.MinDialogs"] = "3", ["Form.DigestEnabled"] = "false", ["Form.NotificationChatId"] = "-100123",
    };

    [Fact]
    public async Task An_admin_saves_the_settings_and_the_change_is_audited_old_to_new()
    {
        using var client = await fixture.App.SignedInAsync("admin@settings.local", SettingsFixture.Password);
        var page = await client.GetStringAsync("/settings");
        Assert.Contains("ул. Примерная, 1", page);
        Assert.DoesNotContain("SECRET", page);
        Assert.DoesNotContain("yc-secret", page);

        var response = await SaveAsync(client, Valid());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Asia/Yekaterinburg 12.50 40.00 25.00 3 f -100123", await fixture.Db.ScalarAsync<string>(
            $"SELECT concat_ws(' ', time_zone, low_conversion_percent, high_drop_off_percent, error_spike_percent, min_dialogs, digest_enabled, notification_chat_id) FROM dashboard.tenant_settings WHERE tenant_id = '{fixture.Salon}'"));
        Assert.Contains("\"time_zone\":\"Asia/Yekaterinburg\"", await fixture.Db.ScalarAsync<string>(
            "SELECT metadata->>'new' FROM dashboard.audits WHERE action = 'update_settings' ORDER BY id DESC LIMIT 1"));
        Assert.Contains("Настройки сохранены.", await client.GetStringAsync("/settings"));
    }

    [Theory]
    [InlineData("Form.TimeZone", "Mars/Olympus", "Неизвестный часовой пояс")]
    [InlineData("Form.LowConversionPercent", "150", "Порог конверсии — от 0 до 100 %.")]
    [InlineData("Form.MinDialogs", "0", "Минимум диалогов — от 1 до 100 000.")]
    [InlineData("Form.NotificationChatId", "chat; DROP TABLE", "Чат — число")]
    public async Task Bad_settings_get_a_400_with_the_message_and_change_nothing(string field, string value, string message)
    {
        using var client = await fixture.App.SignedInAsync("admin@settings.local", SettingsFixture.Password);
        var before = await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'update_settings'");
        var form = Valid("Europe/Samara");
        form[field] = value;
        var response = await SaveAsync(client, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM dashboard.audits WHERE action = 'update_settings'"));
    }

    [Fact]
    public async Task Staff_may_neither_see_settings_nor_the_audit_log()
    {
        using var client = await fixture.App.SignedInAsync("staff@settings.local", SettingsFixture.Password);
        Assert.StartsWith("/status/403", (await client.GetAsync("/settings")).Headers.Location!.PathAndQuery);
        Assert.StartsWith("/status/403", (await client.GetAsync("/audit")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_audit_log_shows_the_salons_own_entries_only()
    {
        using (await fixture.App.SignedInAsync("admin@other.local", SettingsFixture.Password)) { }
        using var client = await fixture.App.SignedInAsync("admin@settings.local", SettingsFixture.Password);
        var html = await client.GetStringAsync("/audit?action=login");
        Assert.Contains("admin@settings.local", html);
        Assert.DoesNotContain("admin@other.local", html);
        Assert.Contains("203.0.113.7", html);

        var mine = await client.GetStringAsync("/audit?useremail=ADMIN@settings.local");
        Assert.Contains("admin@settings.local", mine);
        var csv = await client.GetByteArrayAsync("/audit?handler=export&action=login");
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("id;at_utc;user;action;description;ip;user_agent", text);
        Assert.Contains(";admin@settings.local;login;", text);
        Assert.DoesNotContain("admin@other.local", text);
    }

    [Fact]
    public async Task A_salon_admin_sees_the_platforms_entries_without_its_address_and_browser()
    {
        // The platform owner changed this salon's settings from their own machine.
        await fixture.Db.ExecuteAsync($"""
            INSERT INTO dashboard.audits (user_id, tenant_id, action, description, ip_address, user_agent)
            VALUES ({fixture.Root}, '{fixture.Salon}', 'update_settings', 'Настройки изменены владельцем платформы', '198.51.100.200', 'Root-Browser/9')
            """);

        using var admin = await fixture.App.SignedInAsync("admin@settings.local", SettingsFixture.Password);
        var html = await admin.GetStringAsync("/audit?action=update_settings");
        Assert.Contains("Настройки изменены владельцем платформы", html);
        Assert.Contains("платформа", html);
        Assert.DoesNotContain("198.51.100.200", html);
        Assert.DoesNotContain("Root-Browser", html);
        var csv = System.Text.Encoding.UTF8.GetString((await admin.GetByteArrayAsync("/audit?handler=export&action=update_settings"))[3..]);
        Assert.Contains(";платформа;платформа", csv);
        Assert.DoesNotContain("198.51.100.200", csv);
        Assert.DoesNotContain("Root-Browser", csv);

        using var root = await fixture.App.SignedInAsync("root@settings.local", SettingsFixture.Password);
        Assert.Contains("198.51.100.200", await root.GetStringAsync("/audit?action=update_settings"));
    }
}
