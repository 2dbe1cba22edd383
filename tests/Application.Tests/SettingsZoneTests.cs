using AgentP.Application.Settings;

namespace AgentP.Application.Tests;

/// <summary>
/// Settings take only the zone ids the form offers, spelled as offered: .NET also finds «Europe//Moscow» and other
/// spellings PostgreSQL does not know, and a salon saved with one made its pages and the metrics job fail.
/// </summary>
public sealed class SettingsZoneTests
{
    [Theory]
    [InlineData("Europe/Moscow")]
    [InlineData("Asia/Vladivostok")]
    [InlineData("America/Los_Angeles")]
    public void An_offered_zone_is_accepted(string zone) => Assert.True(UpdateSettingsValidator.IsTimeZone(zone));

    [Theory]
    [InlineData("Europe//Moscow")]
    [InlineData("europe/moscow")]
    [InlineData("Europe/Moscow/")]
    [InlineData("/Europe/Moscow")]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData(null)]
    public void Another_spelling_or_an_unknown_zone_is_refused(string? zone) => Assert.False(UpdateSettingsValidator.IsTimeZone(zone));

    [Fact]
    public void Every_offered_zone_is_accepted() =>
        Assert.All(UpdateSettingsValidator.TimeZones, z => Assert.True(UpdateSettingsValidator.IsTimeZone(z), z));
}
