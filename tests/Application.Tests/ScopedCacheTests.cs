using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace AgentP.Application.Tests;

public sealed class ScopedCacheTests
{
    private static readonly Guid SalonA = Guid.NewGuid(), SalonB = Guid.NewGuid();
    private readonly ServiceProvider provider;

    public ScopedCacheTests()
    {
        var services = new ServiceCollection();
        services.AddOptions().Configure<DashboardOptions>(o => (o.ReportCacheSeconds, o.CacheMegabytes) = (30, 1));
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddScopedCache();
        provider = services.BuildServiceProvider();
    }

    private ScopedCache For(Guid? salon, bool all = false, bool system = false)
    {
        var tenant = Substitute.For<ITenantContext>();
        tenant.TenantId.Returns(salon);
        tenant.AllTenants.Returns(all || system);
        tenant.IsSystem.Returns(system);
        return new ScopedCache(provider.GetRequiredService<HybridCache>(), tenant, provider.GetRequiredService<CacheGenerations>(),
            provider.GetRequiredService<CacheRefreshes>(), provider, provider.GetRequiredService<IOptions<DashboardOptions>>());
    }

    [Fact]
    public async Task A_value_is_loaded_once_per_scope_and_key()
    {
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);
        Assert.Equal(1, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(1, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(2, await For(SalonB).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(3, await For(null, all: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(4, await For(null, system: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 1));
        Assert.Equal(5, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x", 2));
    }

    [Fact]
    public async Task A_large_value_is_cached_like_a_small_one()
    {
        // A year of a salon's days, or every salon's: far more than a few kilobytes once serialized.
        var loads = 0;
        Task<IReadOnlyList<string>> Load(CancellationToken _) { loads++; return Task.FromResult<IReadOnlyList<string>>(Enumerable.Range(0, 20_000).Select(i => $"день {i:D6}").ToList()); }
        await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "year");
        await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "year");
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_long_key_is_cached_like_a_short_one_and_never_shares_an_entry()
    {
        // All salons' zones in a key grow with the platform; HybridCache runs a load uncached (and without stampede
        // protection) once a key passes its 1024-character limit.
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);
        var zones = string.Join(',', Enumerable.Range(0, 60).Select(i => $"{Guid.NewGuid():N}=Asia/Vladivostok@{i}"));
        Assert.Equal(1, await For(null, all: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "retention", zones));
        Assert.Equal(1, await For(null, all: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "retention", zones));
        Assert.Equal(2, await For(null, all: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "retention", zones + ",x"));
        Assert.Equal(3, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "retention", zones));
    }

    [Fact]
    public async Task The_memory_holds_a_bounded_number_of_values_however_many_ranges_are_asked_for()
    {
        // 1 000 values of about 10 kB each against a limit of 1 MB.
        for (var day = 0; day < 1000; day++)
            Assert.Equal(day, (await For(SalonA).GetAsync(CacheTags.Figures, _ => Task.FromResult((day, new string('x', 10_000))), CancellationToken.None, "range", day)).Item1);
        await Task.Delay(100); // the memory cache compacts in the background
        var memory = (MemoryCache)provider.GetRequiredService<IMemoryCache>();
        Assert.InRange(memory.Count, 1, 110);
    }

    [Fact]
    public async Task A_change_in_a_salon_makes_its_own_and_the_all_salons_values_of_that_kind_old_and_no_one_elses()
    {
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);
        await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x"); // 1
        await For(SalonB).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x"); // 2
        await For(SalonA).GetAsync(CacheTags.Settings, Load, CancellationToken.None, "y"); // 3
        await For(null, all: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x"); // 4
        For(SalonA).Forget([CacheTags.Figures]);
        Assert.Equal(5, await For(SalonA).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x"));
        Assert.Equal(2, await For(SalonB).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x")); // another salon keeps its own
        Assert.Equal(3, await For(SalonA).GetAsync(CacheTags.Settings, Load, CancellationToken.None, "y")); // another kind too
        Assert.Equal(6, await For(null, all: true).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x")); // all salons include A

        // A change made across salons (a job) makes every scope's old.
        For(null, system: true).Forget([CacheTags.Figures]);
        Assert.Equal(7, await For(SalonB).GetAsync(CacheTags.Figures, Load, CancellationToken.None, "x"));
    }

    [Fact]
    public async Task Text_parts_and_value_types_never_share_a_key()
    {
        Assert.Equal("a|b", await For(SalonA).GetAsync(CacheTags.Figures, _ => Task.FromResult("a|b"), CancellationToken.None, "a|b"));
        Assert.Equal("a,b", await For(SalonA).GetAsync(CacheTags.Figures, _ => Task.FromResult("a,b"), CancellationToken.None, "a", "b"));
        Assert.Equal(7, await For(SalonA).GetAsync(CacheTags.Figures, _ => Task.FromResult(7), CancellationToken.None, "a|b"));
    }

    [Fact]
    public async Task A_value_loaded_while_its_kind_changes_is_not_served_afterwards()
    {
        var release = new TaskCompletionSource();
        var loads = 0;
        var slow = For(SalonA).GetAsync(CacheTags.Figures, async _ => { loads++; await release.Task; return "old"; }, CancellationToken.None, "z");
        For(SalonA).Forget([CacheTags.Figures]); // the change commits while the old value is still loading
        release.SetResult();
        Assert.Equal("old", await slow);
        Assert.Equal("new", await For(SalonA).GetAsync(CacheTags.Figures, _ => Task.FromResult("new"), CancellationToken.None, "z"));
    }

    [Fact]
    public async Task Nothing_is_cached_outside_a_scope()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => For(null).GetAsync(CacheTags.Figures, _ => Task.FromResult(1), CancellationToken.None, "x"));
    }
}

/// <summary>
/// A request's filter record is a cache key part of its own, every field of it: a field added to the record later is in the
/// key without anyone listing it at the call site.
/// </summary>
public sealed class RecordKeyTests
{
    private readonly ServiceProvider provider;

    public RecordKeyTests()
    {
        var services = new ServiceCollection();
        services.AddOptions().Configure<DashboardOptions>(o => (o.ReportCacheSeconds, o.CacheMegabytes) = (30, 1));
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddScopedCache();
        provider = services.BuildServiceProvider();
    }

    /// <summary>The filter records the cache keys by (their names end in Filter): every one, found by reflection.</summary>
    public static TheoryData<Type> KeyedRecords() =>
        new(typeof(ScopedCache).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Filter", StringComparison.Ordinal) && t.GetMethod("<Clone>$") is not null).OrderBy(t => t.Name));

    [Theory]
    [MemberData(nameof(KeyedRecords))]
    public async Task Changing_any_field_of_a_filter_record_changes_its_key(Type record)
    {
        var unfiltered = New(record);
        var fields = record.GetProperties().Where(p => p.SetMethod is not null).ToList();
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            var changed = With(unfiltered, field, Other(field.PropertyType, field.GetValue(unfiltered)));
            Assert.True(await DistinctKeysAsync(unfiltered, changed), $"{record.Name}.{field.Name} is not in the key");
        }
    }

    [Fact]
    public async Task A_text_field_cannot_pass_for_another_field()
    {
        // As text, both read "Q = a, Service = b, Service = , …": the key must tell the fields apart, not their printout.
        Assert.True(await DistinctKeysAsync(new Sessions.SessionFilter(Q: "a, Service = b"), new Sessions.SessionFilter(Q: "a", Service: "b, Service = ")));
    }

    private async Task<bool> DistinctKeysAsync(object one, object other)
    {
        var tenant = Substitute.For<ITenantContext>();
        tenant.TenantId.Returns(Guid.NewGuid());
        var cache = new ScopedCache(provider.GetRequiredService<HybridCache>(), tenant, provider.GetRequiredService<CacheGenerations>(),
            provider.GetRequiredService<CacheRefreshes>(), provider, provider.GetRequiredService<IOptions<DashboardOptions>>());
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);
        await cache.GetAsync(CacheTags.Figures, Load, CancellationToken.None, "list", one);
        await cache.GetAsync(CacheTags.Figures, Load, CancellationToken.None, "list", other);
        return loads == 2;
    }

    private static object New(Type record)
    {
        var constructor = record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Default(p.ParameterType)).ToArray());
    }

    private static object With(object record, System.Reflection.PropertyInfo field, object? value)
    {
        var copy = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        field.SetValue(copy, value);
        return copy;
    }

    private static object? Other(Type type, object? current) =>
        type == typeof(string) ? (string?)current + "x"
        : type == typeof(bool) ? !(bool)current!
        : type == typeof(bool?) ? current is true ? false : true
        : type == typeof(int) || type == typeof(int?) ? ((int?)current ?? 0) + 1
        : type == typeof(long) || type == typeof(long?) ? ((long?)current ?? 0) + 1
        : type == typeof(Guid) || type == typeof(Guid?) ? Guid.NewGuid()
        : type == typeof(DateOnly) || type == typeof(DateOnly?) ? ((DateOnly?)current ?? DateOnly.MinValue).AddDays(1)
        : throw new NotSupportedException($"A field of type {type.Name}: teach this test another value of it.");

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
