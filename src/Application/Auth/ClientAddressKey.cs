using System.Net;
using System.Net.Sockets;

namespace AgentP.Application.Auth;

/// <summary>
/// The key under which a client's sign-in attempts are counted (the per-address rate limit and lockout). An IPv6 client
/// usually holds a whole /64, so it counts as its /64: otherwise every address of it would start a fresh allowance.
/// </summary>
public static class ClientAddressKey
{
    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string Of(string? address) => IPAddress.TryParse(address, out var parsed) ? Of(parsed) : address is { Length: > 0 } ? address : "unknown";
}
