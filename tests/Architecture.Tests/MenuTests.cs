using AgentP.Domain.Common;
using AgentP.Web;

namespace AgentP.Architecture.Tests;

/// <summary>The header's menu shows a page to whom its request's [Authorize] allows it, and to nobody else.</summary>
public sealed class MenuTests
{
    [Theory]
    [InlineData(Role.SuperAdmin, "/ /platform /sessions /wishlist /clients /retention /escalations /alerts /audit /users /settings")]
    [InlineData(Role.Admin, "/ /sessions /wishlist /clients /retention /escalations /alerts /audit /users /settings")]
    [InlineData(Role.Staff, "/ /sessions /wishlist /clients /retention /escalations /alerts")]
    public void Each_role_sees_the_pages_its_requests_allow(Role role, string pages) =>
        Assert.Equal(pages, string.Join(' ', Menu.For(role).Select(i => i.Href)));

    [Fact]
    public void Nobody_signed_in_sees_no_menu() => Assert.Empty(Menu.For(null));
}
