using System.Linq.Expressions;
using System.Text.Json;
using AgentP.Application.Common.Interfaces;
using AgentP.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AgentP.Infrastructure.Data;

/// <summary>Mapping helpers shared by the two contexts.</summary>
internal static class ModelBuilding
{
    /// <summary>Our own enum columns: an unknown code is corrupt data and fails loudly.</summary>
    public static PropertyBuilder<TEnum> HasCode<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => v.ToCode(), s => Codes.Parse<TEnum>(s)));

    /// <summary>The bot's enum columns: a value we have not seen yet reads as <paramref name="unknown"/>.</summary>
    public static PropertyBuilder<TEnum> HasBotCode<TEnum>(this PropertyBuilder<TEnum> property, TEnum unknown) where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => v.ToCode(), s => Codes.ParseOr(s, unknown)));

    /// <summary>A typed <c>jsonb</c> column, compared by its JSON so changes to nested values are saved.</summary>
    public static PropertyBuilder<T> HasJson<T>(this PropertyBuilder<T> property, Func<string?, T> read) where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            new ValueConverter<T, string>(v => BotJson.Write(v), s => read(s)),
            new ValueComparer<T>((a, b) => BotJson.Write(a) == BotJson.Write(b), v => BotJson.Write(v).GetHashCode(), v => read(BotJson.Write(v))));

    public static PropertyBuilder<T> HasJson<T>(this PropertyBuilder<T> property) where T : class, new() =>
        property.HasJson(s => string.IsNullOrEmpty(s) ? new T() : JsonSerializer.Deserialize<T>(s, BotJson.Options) ?? new T());

    /// <summary>
    /// <c>e => context.AllTenants || (context.CurrentTenantId != null &amp;&amp; e.TenantId == context.CurrentTenantId)</c>. The
    /// filter reads members of the context instance (EF swaps in the executing context), never a value captured when the
    /// model was built. The null check matters where the column may be null (a super_admin's user row, a platform audit
    /// entry): EF compares nulls as equal, so without it an unscoped unit of work would see exactly those rows.
    /// </summary>
    public static void ApplyTenantFilter(this ModelBuilder modelBuilder, Type entityType, object context, string tenantProperty = "TenantId")
    {
        var e = Expression.Parameter(entityType, "e");
        var ctx = Expression.Constant(context);
        var all = Expression.Property(ctx, nameof(ITenantFiltered.AllTenants));
        var current = Expression.Property(ctx, nameof(ITenantFiltered.CurrentTenantId));
        var column = Expression.Convert(Expression.Property(e, tenantProperty), typeof(Guid?));
        var scoped = Expression.AndAlso(Expression.NotEqual(current, Expression.Constant(null, typeof(Guid?))), Expression.Equal(column, current));
        var body = Expression.OrElse(all, scoped);
        modelBuilder.Entity(entityType).HasQueryFilter(Expression.Lambda(body, e));
    }
}
