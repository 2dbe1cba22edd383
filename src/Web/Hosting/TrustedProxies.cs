using System.Net;

namespace AgentP.Web.Hosting;

/// <summary><c>Dashboard:TrustedProxies</c>: the reverse proxies whose X-Forwarded-* headers are believed.</summary>
public static class TrustedProxies
{
    public const string Key = "Dashboard:TrustedProxies";

    /// <summary>
    /// Addresses and CIDR networks, as one list (<c>10.0.0.5, 10.1.0.0/16</c>, the environment's shape) or as array
    /// entries (<c>Dashboard__TrustedProxies__0</c>). Empty: none configured. A wrong entry stops the start, naming it.
    /// </summary>
    public static IReadOnlyList<IPNetwork> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        var entries = (section.Value is { } list ? [list] : section.GetChildren().Select(c => c.Value ?? ""))
            .SelectMany(e => e.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return entries.Select(Parse).ToList();
    }

    private static IPNetwork Parse(string entry)
    {
        if (IPAddress.TryParse(entry, out var address))
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }
        return IPNetwork.TryParse(entry, out var network) ? network
            : throw new InvalidOperationException($"{Key}: '{entry}' is neither an IP address nor a CIDR network (like 10.0.0.0/8).");
    }
}
