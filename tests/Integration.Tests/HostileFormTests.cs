using AgentP.TestSupport;

namespace AgentP.Integration.Tests;

/// <summary>
/// Every POST form, each field and each redirect target, with the values a crawling scanner sends (quotes, an inverted
/// question mark a header cannot carry, control characters, very long text): never a 5xx.
/// </summary>
public sealed class HostileFormTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    public static readonly string[] Values =
    [
        "/wishlist?status=all¿'\"(", "¿'\"(", "'\"", "/\r\nSet-Cookie: x=1", "/\u0001", "\u0000", "/alerts\t", "//evil.example", "/\\evil.example",
        "/" + new string('я', 3000), new string('a', 20000), "😀", "/%", "/?q=%ZZ", "javascript:alert(1)", "\ud800",
    ];

    /// <summary>Each form: where it posts, its fields.</summary>
    private static readonly (string Action, string[] Fields)[] Forms =
    [
        ("/culture", ["culture", "returnUrl"]),
        ("/switch-tenant", ["tenantId", "returnUrl"]),
        ("/wishlist/1/status", ["status", "comment", "returnUrl"]),
        ("/wishlist/bulk", ["ids", "status", "comment", "returnUrl"]),
        ("/alerts?handler=Acknowledge&id=1", ["returnUrl"]),
        ("/escalations?handler=Resolve&id=1", ["reason", "version", "returnUrl"]),
        ("/settings", ["Form.TimeZone", "Form.LowConversionPercent", "Form.HighDropOffPercent", "Form.ErrorSpikePercent", "Form.MinDialogs",
            "Form.DigestEnabled", "Form.NotificationChatId"]),
        ("/users?handler=Create", ["Form.Email", "Form.Password", "Form.Role", "Form.FirstName", "Form.LastName", "Form.TenantId"]),
        ("/users?handler=Update&id=1", ["firstName", "lastName", "role"]),
        ("/users?handler=Reset&id=1", ["id"]),
        ("/users?handler=Active&id=1", ["active"]),
        ("/account/reset", ["Token", "New", "Confirm"]),
        ("/login", ["Email", "Password", "RememberMe"]),
        ("/account/password", ["Current", "New", "Confirm"]),
        ("/logout", ["returnUrl"]), // last: it signs the client out
    ];

    [Theory]
    [InlineData("admin-a@test.local")]
    [InlineData("root@test.local")]
    public async Task No_form_answers_5xx_whatever_its_fields_and_redirect_target_hold(string email)
    {
        using var client = await fixture.App.SignedInAsync(email, SalonsFixture.Password);
        var failures = new List<string>();
        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/account/password"); // one per user, whichever form
        foreach (var (action, fields) in Forms)
        {
            foreach (var field in fields)
            foreach (var value in Values)
            {
                using var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    [field] = value, ["__RequestVerificationToken"] = token,
                }));
                if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {action} {field}={Escape(value)}");
                // Kestrel refuses to send a header with a character outside printable ASCII and answers 500 instead (the
                // in-memory test server lets it through, so the header is checked here by Kestrel's rule).
                if (response.Headers.NonValidated.TryGetValues("Location", out var raw) && raw.Any(v => v.Any(c => c is < ' ' or > '~')))
                    failures.Add($"unsendable Location {action} {field}={Escape(value)}");
                if (response.Headers.Location is { } location && (location.IsAbsoluteUri && location.Host != "localhost"))
                    failures.Add($"off-site redirect {action} {field}={Escape(value)} → {location}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The sweep above sends one field at a time, so a decision stops at its validator (no status, no reason) before it
    /// redirects anywhere. Here every redirecting form gets valid fields of the salon's own rows and then the hostile
    /// target: the path the scanner's 500s took (a recorded decision, then a redirect to its <c>returnUrl</c>).
    /// </summary>
    [Fact]
    public async Task Every_decision_that_is_recorded_redirects_to_a_sendable_address_on_this_site_whatever_its_return_target()
    {
        var client = await fixture.Db.Bot.ClientAsync(fixture.SalonA, "Вера Скан");
        var item = await fixture.Db.Bot.WishlistAsync(fixture.SalonA, client, fixture.App.Clock.GetUtcNow().AddDays(-1));
        await fixture.Db.SealPublicAsync();
        var alert = await fixture.Db.ScalarAsync<long>($"""
            INSERT INTO dashboard.alerts (tenant_id, kind, severity, day, threshold, actual, description, triggered_at, created_at, updated_at)
            VALUES ('{fixture.SalonA}', 'low_conversion', 'warning', date '2026-11-20', 15, 5, 'Конверсия 5,0 %', now(), now(), now()) RETURNING id
            """);
        var escalation = await fixture.Db.ScalarAsync<long>($"""
            INSERT INTO dashboard.conversations (tenant_id, client_id, status, escalated, escalated_at, waiting_since, reopen_count, created_at, updated_at)
            VALUES ('{fixture.SalonA}', '{client}', 'active', true, now(), now(), 0, now(), now()) RETURNING id
            """);
        (string Action, Dictionary<string, string> Fields)[] decisions =
        [
            ($"/wishlist/{item}/status", new() { ["status"] = "contacted", ["comment"] = "перезвонить" }),
            ("/wishlist/bulk", new() { ["ids"] = item.ToString(), ["status"] = "contacted" }),
            ($"/alerts?handler=Acknowledge&id={alert}", new()),
            ($"/escalations?handler=Resolve&id={escalation}", new() { ["reason"] = "Записали по телефону" }),
            ("/culture", new() { ["culture"] = "ru" }),
            ("/switch-tenant", new() { ["tenantId"] = fixture.SalonA.ToString() }),
        ];

        var failures = new List<string>();
        foreach (var email in new[] { "admin-a@test.local", "root@test.local" })
        {
            using var http = await fixture.App.SignedInAsync(email, SalonsFixture.Password);
            var token = await DashboardApp.AntiForgeryTokenAsync(http, "/account/password");
            // The platform owner decides for a salon once they have picked it, as on the page.
            if (email.StartsWith("root")) await http.PostAsync("/switch-tenant", new FormUrlEncodedContent(decisions[^1].Fields.Append(new("__RequestVerificationToken", token))));
            foreach (var (action, fields) in decisions)
            foreach (var value in Values)
            {
                using var response = await http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
                {
                    ["returnUrl"] = value, ["__RequestVerificationToken"] = token,
                }));
                if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
                {
                    // A NUL or a lone surrogate is refused as a malformed request before any handler runs; every other
                    // value must reach the decision and its redirect.
                    if (!(response.StatusCode == System.Net.HttpStatusCode.BadRequest && value.Any(c => c == '\0' || char.IsSurrogate(c))))
                        failures.Add($"{(int)response.StatusCode} {email} {action} returnUrl={Escape(value)}");
                    continue;
                }
                // A salon admin's switch is refused by the cookie handler, whose redirect to the status page is absolute.
                var location = response.Headers.NonValidated["Location"].Single();
                var onThisSite = location.StartsWith("http://localhost/", StringComparison.Ordinal)
                    || location.StartsWith('/') && !location.StartsWith("//") && !location.StartsWith("/\\");
                if (!onThisSite || location.Any(c => c is < ' ' or > '~'))
                    failures.Add($"{email} {action} returnUrl={Escape(value)} → {Escape(location)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Signing_in_with_a_hostile_return_address_lands_on_this_site_with_a_sendable_redirect()
    {
        foreach (var value in Values)
        {
            using var client = fixture.App.Browser();
            var token = await DashboardApp.AntiForgeryTokenAsync(client, "/login");
            using var response = await client.PostAsync("/login?ReturnUrl=" + Uri.EscapeDataString(value), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "staff-a@test.local", ["Password"] = SalonsFixture.Password, ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            var location = Assert.Single(response.Headers.NonValidated["Location"]);
            Assert.True(location.StartsWith('/') && !location.StartsWith("//") && !location.StartsWith("/\\") && location.All(c => c is >= ' ' and <= '~'),
                $"{Escape(value)} → {Escape(location)}");
        }
    }

    private static string Escape(string value) => value.Length > 40 ? value[..40] + "…" : value.Replace("\r", "\\r").Replace("\n", "\\n");
}

