using Microsoft.Extensions.Caching.Hybrid;
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
        // HybridCache sizes each memory entry by its value's serialized bytes, and by default refuses values over 1 MB (a
        // year of every salon's days is more): the limits are the dashboard's, in those bytes.
        services.AddOptions<HybridCacheOptions>().Configure<IOptions<DashboardOptions>>((o, dashboard) =>
            o.MaximumPayloadBytes = Megabytes(dashboard.Value) / 4);
        // HybridCache dates its entries by the TimeProvider; the memory cache under it must expire them by the same clock.
        // Any from/to makes a new key, so the memory cache is bounded, dropping the least recently used first when full.
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider, IOptions<DashboardOptions>>((o, clock, dashboard) =>
        {
            o.Clock = new TimeProviderClock(clock);
            o.SizeLimit = Megabytes(dashboard.Value);
        });
        services.AddSingleton<CacheGenerations>();
        services.AddSingleton<CacheRefreshes>();
        services.AddScoped<ScopedCache>();
        return services;
    }

    private static long Megabytes(DashboardOptions options) => Math.Max(1, options.CacheMegabytes) * 1024L * 1024L;

#pragma warning disable CS0618 // MemoryCacheOptions.Clock takes only this interface
    private sealed class TimeProviderClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
