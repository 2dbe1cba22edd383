using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using MediatR;

namespace AgentP.Architecture.Tests.BrokenSamples;

/// <summary>Open to anyone without saying so: the one the rule must report.</summary>
public sealed record UnguardedRequest : IRequest<int>;

[Authorize(Role.Admin)]
public sealed record AuthorizedRequest : IRequest<int>;

[Authorize]
public abstract record AuthorizedBase : IRequest<int>;

public sealed record InheritsAuthorizationRequest : AuthorizedBase;

public sealed record SystemJobRequest : IRequest<Unit>, ISystemRequest;

/// <summary>Open, and named as open by the sample test.</summary>
public sealed record NamedAnonymousRequest : IRequest<bool>;

/// <summary>Reads a salon's data but declares no scope: the scope rule must report it.</summary>
[Authorize]
public sealed record UnscopedReadRequest : IRequest<int>;

[Authorize]
public sealed record OneSalonRequest(Guid? TenantId) : IRequest<int>, ITenantScoped;

[Authorize(Role.SuperAdmin)]
public sealed record PlatformRequest : IRequest<int>, IPlatformWide;

/// <summary>Shares the simple name of an anonymous, unscoped request of Application, in another namespace, guarded by nothing.</summary>
public sealed record SignIn(string Email) : IRequest<bool>;
