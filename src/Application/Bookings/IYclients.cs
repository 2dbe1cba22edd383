namespace AgentP.Application.Bookings;

/// <summary>The YClients REST API (Infrastructure: real HTTP with retries, timeouts and no secrets in logs).</summary>
public interface IYclients
{
    /// <summary>Whether the platform's partner token is configured: without it no salon is connected.</summary>
    bool IsConfigured { get; }

    /// <summary>One record of a salon. Never throws for YClients' or the network's failures: they come back in the result.</summary>
    Task<YclientsRecord> GetRecordAsync(string companyId, string userToken, string recordId, CancellationToken cancellationToken);
}

/// <param name="Attendance">1 came, −1 did not come, 0 waiting, 2 confirmed.</param>
/// <param name="Raw">YClients' answer as it came (kept as verification data).</param>
/// <param name="Error">Why not, readable, without tokens.</param>
public sealed record YclientsRecord(YclientsOutcome Outcome, int? Attendance = null, bool Deleted = false, string? Service = null,
    string? Raw = null, string? Error = null);
