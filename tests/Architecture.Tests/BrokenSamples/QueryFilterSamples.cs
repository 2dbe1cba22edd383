using AgentP.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Architecture.Tests.BrokenSamples;

public sealed record CountEveryUser : IRequest<int>;

/// <summary>Lifts the tenant filter to count every salon's users, in an async method: the call sits in its state machine.</summary>
public sealed class HandlerLiftingTheFilter(IDashboardDb db) : IRequestHandler<CountEveryUser, int>
{
    public async Task<int> Handle(CountEveryUser request, CancellationToken cancellationToken) =>
        await db.Users.IgnoreQueryFilters().CountAsync(cancellationToken);
}

/// <summary>Lifts it inside an expression tree: the call is a method token there, not a call instruction.</summary>
public sealed class LookupLiftingTheFilterInAnExpression(IDashboardDb db)
{
    public bool AnyoneElse(long id) => db.Users.Any(u => u.Id != id && db.Users.IgnoreQueryFilters().Any(v => v.Id == u.Id));
}

/// <summary>The control: named in the sample test's list with its one call.</summary>
public sealed class NamedAccountLookup(IDashboardDb db)
{
    public Task<bool> ExistsAsync(string email, CancellationToken cancellationToken) =>
        db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == email, cancellationToken);
}
