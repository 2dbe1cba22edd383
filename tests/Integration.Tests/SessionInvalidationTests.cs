using System.Net;
using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>Deactivation and password changes end existing sign-ins at once (security stamp, checked on every request).</summary>
public sealed class SessionInvalidationTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Fact]
    public async Task A_deactivated_user_is_signed_out_and_a_password_change_keeps_only_the_changing_session()
    {
        using var staff = await fixture.App.SignedInAsync("staff-a@test.local", SalonsFixture.Password);
        using var bOther = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        using var bChanging = await fixture.App.SignedInAsync("admin-b@test.local", SalonsFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bOther.GetAsync("/")).StatusCode);

        using var admin = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var token = await DashboardApp.AntiForgeryTokenAsync(admin, "/users");
        await admin.PostAsync($"/users?handler=Active&id={fixture.StaffA.Id}&active=false",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        var changeToken = await DashboardApp.AntiForgeryTokenAsync(bChanging, "/account/password");
        var changed = await bChanging.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = SalonsFixture.Password, ["New"] = "Changed-pass-2026", ["Confirm"] = "Changed-pass-2026", ["__RequestVerificationToken"] = changeToken,
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // No clock advance: the next request of each session already sees the change.
        Assert.Equal("/login", (await staff.GetAsync("/")).Headers.Location!.AbsolutePath);   // deactivated
        Assert.Equal("/login", (await bOther.GetAsync("/")).Headers.Location!.AbsolutePath);  // the other session of the changed password
        Assert.Equal(HttpStatusCode.OK, (await bChanging.GetAsync("/")).StatusCode);         // the session that changed it carries on
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);
    }
}
