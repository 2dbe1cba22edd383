using AgentP.Application.Common.Behaviours;
using AgentP.Application.Common.Exceptions;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace AgentP.Application.Tests;

public sealed class TenantScopeBehaviourTests
{
    private static readonly Guid SalonA = Guid.NewGuid(), SalonB = Guid.NewGuid();

    private sealed record OneSalon(Guid? TenantId = null) : IRequest<string>, ITenantScoped;
    private sealed record AnySalons(Guid? TenantId = null) : IRequest<string>, IAllowsAllTenants;
    private sealed record NotScoped : IRequest<string>;

    private readonly ITenantContext _tenant = Substitute.For<ITenantContext>();
    private bool _handled;

    private Task<string> Run<TRequest>(TRequest request, ICurrentUser user) where TRequest : IRequest<string> =>
        new TenantScopeBehaviour<TRequest, string>(user, _tenant, NullLogger<TenantScopeBehaviour<TRequest, string>>.Instance)
            .Handle(request, CancellationToken.None, () => { _handled = true; return Task.FromResult("ok"); });

    private static ICurrentUser User(Role role, Guid? tenant = null, Guid? selected = null)
    {
        var user = Substitute.For<ICurrentUser>();
        user.IsAuthenticated.Returns(true);
        user.Role.Returns(role);
        user.TenantId.Returns(tenant);
        user.SelectedTenantId.Returns(selected);
        return user;
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Staff)]
    public async Task A_salon_user_naming_another_salon_gets_not_found_and_nothing_runs(Role role)
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Run(new OneSalon(SalonB), User(role, SalonA)));
        Assert.False(_handled);
        _tenant.DidNotReceiveWithAnyArgs().ScopeTo(default);
    }

    [Fact]
    public async Task A_salon_user_is_scoped_to_their_own_salon_even_for_all_salon_requests()
    {
        await Run(new AnySalons(), User(Role.Admin, SalonA));
        _tenant.Received(1).ScopeTo(SalonA);
        _tenant.DidNotReceive().ScopeToAllTenants();
    }

    [Fact]
    public async Task The_super_admin_gets_the_named_salon_before_the_picked_one()
    {
        await Run(new OneSalon(SalonB), User(Role.SuperAdmin, selected: SalonA));
        _tenant.Received(1).ScopeTo(SalonB);
    }

    [Fact]
    public async Task The_super_admin_gets_the_picked_salon()
    {
        await Run(new OneSalon(), User(Role.SuperAdmin, selected: SalonA));
        _tenant.Received(1).ScopeTo(SalonA);
    }

    [Fact]
    public async Task The_super_admin_without_a_pick_sees_all_salons_only_where_allowed()
    {
        await Run(new AnySalons(), User(Role.SuperAdmin));
        _tenant.Received(1).ScopeToAllTenants();

        await Assert.ThrowsAsync<TenantRequiredException>(() => Run(new OneSalon(), User(Role.SuperAdmin)));
    }

    [Fact]
    public async Task Anonymous_callers_of_scoped_requests_are_refused()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Run(new OneSalon(), Substitute.For<ICurrentUser>()));
        Assert.False(_handled);
    }

    [Fact]
    public async Task Requests_that_are_not_tenant_scoped_run_unscoped_whatever_ran_before()
    {
        await Run(new NotScoped(), Substitute.For<ICurrentUser>());
        Assert.True(_handled);
        _tenant.Received(1).Unscope();
        _tenant.DidNotReceive().ScopeTo(Arg.Any<Guid>());
        _tenant.DidNotReceive().ScopeToAllTenants();
        _tenant.DidNotReceive().ScopeToSystem();
    }
}
