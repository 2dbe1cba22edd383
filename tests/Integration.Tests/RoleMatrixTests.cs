using System.Net;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>Who may open which page: anonymous → sign-in, a role without access → 403, everyone else → the page.</summary>
public sealed class RoleMatrixTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    private static readonly string[] Pages = ["/", "/platform", "/sessions", "/wishlist", "/clients", "/alerts", "/escalations", "/audit", "/users", "/settings", "/account/password", "/retention"];

    [Theory]
    //           user                 expected per page, in the order of Pages (200 page, 302 sign-in, 403 denied, 400 pick a salon)
    [InlineData(null,                 "302 302 302 302 302 302 302 302 302 302 302 302")]
    [InlineData("staff-a@test.local", "200 403 200 200 200 200 200 403 403 403 200 200")]
    [InlineData("admin-a@test.local", "200 403 200 200 200 200 200 200 200 200 200 200")]
    [InlineData("root@test.local",    "200 200 200 200 200 200 200 200 200 400 200 200")]
    public async Task Every_page_answers_each_role_as_designed(string? email, string expected)
    {
        await fixture.WarmTheCacheAsOtherSalonsAsync();
        using var client = email is null ? fixture.App.Browser() : await fixture.App.SignedInAsync(email, SalonsFixture.Password);
        var actual = new List<string>();
        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page);
            var status = (int)response.StatusCode;
            if (status == 302 && response.Headers.Location!.AbsolutePath == "/status/403") status = 403;
            else if (status == 302) Assert.StartsWith("/login", response.Headers.Location!.AbsolutePath);
            actual.Add(status.ToString());
        }
        Assert.Equal(expected, string.Join(' ', actual));
    }
}
