using System.Net;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>Who may open which page: anonymous → sign-in, a role without access → 403, everyone else → the page.</summary>
public sealed class RoleMatrixTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    private static readonly string[] Pages = ["/", "/platform", "/sessions", "/wishlist", "/clients", "/alerts", "/escalations", "/audit", "/users", "/settings", "/account/password", "/retention"];

    [Theory]
    //           user                 expected per page, in the order of Pages (200 page, 302 sign-in, 403 denied, pick: sent to choose a salon)
    [InlineData(null,                 "302 302 302 302 302 302 302 302 302 302 302 302")]
    [InlineData("staff-a@test.local", "200 403 200 200 200 200 200 403 403 403 200 200")]
    [InlineData("admin-a@test.local", "200 403 200 200 200 200 200 200 200 200 200 200")]
    [InlineData("root@test.local",    "200 200 200 200 200 200 200 200 200 pick 200 200")]
    public async Task Every_page_answers_each_role_as_designed(string? email, string expected)
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using var client = email is null ? fixture.App.Browser() : await fixture.App.SignedInAsync(email, SalonsFixture.Password);
        var actual = new List<string>();
        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page);
            var status = ((int)response.StatusCode).ToString();
            var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
            if (status == "302" && location.StartsWith("/status/403", StringComparison.Ordinal)) status = "403";
            else if (status == "302" && location.Contains("handler=Choose", StringComparison.OrdinalIgnoreCase)) status = "pick";
            else if (status == "302") Assert.StartsWith("/login", location);
            actual.Add(status);
        }
        Assert.Equal(expected, string.Join(' ', actual));
    }
}
