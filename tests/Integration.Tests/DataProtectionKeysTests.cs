using AgentP.Domain.Common;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

public sealed class DataProtectionKeysFixture : AppFixture
{
    public const string Password = "Keys-at-rest-2026";

    protected override async Task SeedAsync()
    {
        var salon = await Db.Bot.TenantAsync("Салон «Ключи»");
        await App.CreateUserAsync("keys@test.local", Password, Role.Admin, salon);
    }
}

/// <summary>The keys that protect cookies and anti-forgery tokens are stored encrypted with the configured certificate.</summary>
public sealed class DataProtectionKeysTests(DataProtectionKeysFixture fixture) : IClassFixture<DataProtectionKeysFixture>
{
    [Fact]
    public async Task Keys_in_the_database_are_encrypted_at_rest_and_still_sign_in()
    {
        using var client = await fixture.App.SignedInAsync("keys@test.local", DataProtectionKeysFixture.Password);
        Assert.Contains("Салон «Ключи»", await client.GetStringAsync("/"));

        var xml = await fixture.Db.ScalarAsync<string>("SELECT string_agg(xml, '') FROM dashboard.data_protection_keys");
        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("<masterKey", xml);
    }
}
