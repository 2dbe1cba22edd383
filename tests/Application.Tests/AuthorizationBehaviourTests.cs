using AgentP.Application.Common.Behaviours;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;
using NSubstitute;

namespace AgentP.Application.Tests;

public sealed class AuthorizationBehaviourTests
{
    [Authorize(Role.SuperAdmin, Role.Admin)]
    private sealed record AdminsOnly : IRequest<string>;

    [Authorize]
    private sealed record AnySignedIn : IRequest<string>;

    private sealed record Anonymous : IRequest<string>;

    private static Task<string> Run<TRequest>(TRequest request, ICurrentUser user) where TRequest : IRequest<string> =>
        new AuthorizationBehaviour<TRequest, string>(user).Handle(request, CancellationToken.None, () => Task.FromResult("ok"));

    private static ICurrentUser User(Role? role)
    {
        var user = Substitute.For<ICurrentUser>();
        user.IsAuthenticated.Returns(role is not null);
        user.Role.Returns(role);
        return user;
    }

    [Fact]
    public async Task A_role_outside_the_declared_ones_is_forbidden()
    {
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => Run(new AdminsOnly(), User(Role.Staff)));
    }

    [Theory]
    [InlineData(Role.SuperAdmin)]
    [InlineData(Role.Admin)]
    public async Task A_declared_role_passes(Role role)
    {
        Assert.Equal("ok", await Run(new AdminsOnly(), User(role)));
    }

    [Fact]
    public async Task Any_signed_in_user_passes_a_bare_authorize_but_anonymous_does_not()
    {
        Assert.Equal("ok", await Run(new AnySignedIn(), User(Role.Staff)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Run(new AnySignedIn(), User(null)));
    }

    [Fact]
    public async Task A_request_without_the_attribute_needs_no_sign_in()
    {
        Assert.Equal("ok", await Run(new Anonymous(), User(null)));
    }
}
