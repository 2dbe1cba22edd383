using AgentP.Domain.Common;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>Clock: 2026-11-23. Two waiting wishes: one for 20 November, gone; one for 30 November.</summary>
public sealed class WishlistExpiryFixture : AppFixture
{
    public const string Password = "Expiry-pass-2026";

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Сроки»");
        var client = await Db.Bot.ClientAsync(salon, "Ирина Сроки");
        var now = App.Clock.GetUtcNow();
        await Db.Bot.WishlistAsync(salon, client, now.AddDays(-5), "slot", metaJson: """{"service_title": "Прошедший маникюр", "preferred_date": "2026-11-20"}""");
        await Db.Bot.WishlistAsync(salon, client, now.AddDays(-1), "slot", metaJson: """{"service_title": "Будущий педикюр", "preferred_date": "2026-11-30"}""");
        await App.CreateUserAsync("admin@expiry.local", Password, Role.Admin, salon);
    }
}

public sealed class WishlistExpiryTests(WishlistExpiryFixture fixture) : IClassFixture<WishlistExpiryFixture>
{
    [Fact]
    public async Task A_wish_for_a_day_already_gone_has_expired_rather_than_waits()
    {
        using var client = await fixture.App.SignedInAsync("admin@expiry.local", WishlistExpiryFixture.Password);
        var waiting = await client.GetStringAsync("/wishlist");
        Assert.Contains("Будущий педикюр", waiting);
        Assert.DoesNotContain("Прошедший маникюр", waiting);
        var expired = await client.GetStringAsync("/wishlist?status=expired");
        Assert.Contains("Прошедший маникюр", expired);
        Assert.DoesNotContain("Будущий педикюр", expired);
    }
}
