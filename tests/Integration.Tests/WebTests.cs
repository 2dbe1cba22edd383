using AgentP.TestSupport;
using System.Net;
using System.Text;

namespace AgentP.Integration.Tests;

/// <summary>Sign-in requirement, health endpoints, language and encoding, error pages.</summary>
public sealed class WebTests(SalonsFixture fixture) : IClassFixture<SalonsFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/overview")]
    [InlineData("/logout")]
    [InlineData("/switch-tenant")]
    [InlineData("/no-such-page")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string path)
    {
        using var client = fixture.App.Browser();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/lib/bootstrap/bootstrap.min.css")]
    public async Task Login_health_and_static_files_need_no_sign_in(string path)
    {
        using var client = fixture.App.Browser();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_overview_shows_the_salon_and_todays_live_counts()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var html = await client.GetStringAsync("/overview?range=today");
        Assert.Contains("data-testid=\"overview-salon\">Салон «Альфа»</h1>", html);
        Assert.Contains("data-testid=\"kpi-dialogs\">3</p>", html);
        Assert.Contains("data-testid=\"kpi-bookings\">2</p>", html);
    }

    [Fact]
    public async Task Cyrillic_is_sent_as_utf8_text_not_as_html_entities()
    {
        using var client = await fixture.App.SignedInAsync("staff-a@test.local", SalonsFixture.Password);
        var response = await client.GetAsync("/");
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        var html = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Время ответа", html);
        Assert.Contains("Салон «Альфа»", html);
        Assert.DoesNotMatch(@"&#x4[0-9A-F]{2};", html); // U+0400–U+04FF as entities would mean the encoder escapes Cyrillic
    }

    [Fact]
    public async Task The_interface_is_russian_by_default_and_switches_to_english()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US"); // the browser's language does not decide
        Assert.Contains("Время ответа", await client.GetStringAsync("/"));

        var token = await DashboardApp.AntiForgeryTokenAsync(client, "/");
        var switched = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en-US", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var english = await client.GetStringAsync("/");
        Assert.Contains("Response time", english);
        Assert.Contains("<html lang=\"en\">", english);
    }

    [Fact]
    public async Task The_layout_shows_the_signed_in_user_and_role_and_a_sign_out_button()
    {
        using var client = await fixture.App.SignedInAsync("staff-a@test.local", SalonsFixture.Password);
        var html = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"user-name\" title=\"Смена пароля\">staff-a@test.local</a>", html);
        Assert.Contains("Сотрудник", html);
        Assert.Contains("action=\"/logout\"", html);
        Assert.DoesNotContain("href=\"/users\"", html); // staff do not get the admin pages in the menu
    }

    [Fact]
    public async Task A_signed_in_user_gets_a_friendly_404_page()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Страница не найдена", html);
        Assert.Contains("Идентификатор запроса", html);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = fixture.App.Browser();
        var response = await client.GetAsync(path);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task No_page_carries_an_inline_script()
    {
        using var client = await fixture.App.SignedInAsync("admin-a@test.local", SalonsFixture.Password);
        foreach (var path in new[] { "/", "/sessions", "/wishlist", "/clients" })
        {
            var html = await client.GetStringAsync(path);
            // Every <script> either loads a file or is a JSON data block.
            Assert.DoesNotMatch("<script(?![^>]*\\b(src|type=\"application/json\"))[^>]*>", html);
            Assert.DoesNotMatch("\\son(click|load|change|submit)=", html);
        }
    }

    [Fact]
    public async Task Health_ready_reports_the_database()
    {
        using var client = fixture.App.Browser();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }
}
