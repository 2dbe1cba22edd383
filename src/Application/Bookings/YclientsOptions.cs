using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Bookings;

public sealed class YclientsOptions
{
    public const string Section = "Yclients";
    public string ApiBaseUrl { get; set; } = "https://api.yclients.com";
    /// <summary>The platform's partner token (secret: from the environment or a secret store, never from the repository).</summary>
    public string? PartnerToken { get; set; }
    /// <summary>Requests to YClients per salon and run: keeps one big salon from using up the platform's quota.</summary>
    public int RequestsPerSalon { get; set; } = 200;
    public int MaxAttempts { get; set; } = 4;
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
