using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Common.Caching;

public static class CacheRegistration
{
    /// <summary>The cache every reuse goes through (<see cref="ScopedCache"/>) and the HybridCache and memory cache under it.</summary>
    public static IServiceCollection AddScopedCache(this IServiceCollection services)
    {
        services.AddHybridCache();
        // HybridCache dates its entries by the TimeProvider; the memory cache under it must expire them by the same clock.
        // Any from/to makes a new key, so the memory cache holds a bounded number of entries (each counts 1), dropping the
        // oldest-used first when full.
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider, IOptions<DashboardOptions>>((o, clock, dashboard) =>
        {
            o.Clock = new TimeProviderClock(clock);
            o.SizeLimit = dashboard.Value.CacheEntries;
        });
        services.AddSingleton<CacheChanges>();
        services.AddScoped<ScopedCache>();
        return services;
    }

#pragma warning disable CS0618 // MemoryCacheOptions.Clock takes only this interface
    private sealed class TimeProviderClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
