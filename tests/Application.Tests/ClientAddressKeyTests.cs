using System.Net;
using AgentP.Application.Auth;

namespace AgentP.Application.Tests;

public sealed class ClientAddressKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_address_counts_as_itself_and_an_IPv6_one_as_its_64(string address, string key) =>
        Assert.Equal(key, ClientAddressKey.Of(IPAddress.Parse(address)));

    [Fact]
    public void No_address_is_one_key() => Assert.Equal("unknown", ClientAddressKey.Of((IPAddress?)null));
}
