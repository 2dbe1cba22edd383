using System.Reflection;
using AgentP.Application.Common.Caching;
using MediatR;

namespace AgentP.Application.Common.Behaviours;

/// <summary>Innermost: after a command that declares <see cref="ChangesAttribute"/>, the cached values of those kinds are forgotten.</summary>
public sealed class CacheInvalidationBehaviour<TRequest, TResponse>(ScopedCache cache) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly IReadOnlyList<string> Tags = typeof(TRequest).GetCustomAttribute<ChangesAttribute>()?.Tags ?? [];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Tags.Count == 0) return await next();
        try
        {
            return await next();
        }
        finally
        {
            cache.Forget(Tags);
        }
    }
}
