using System.Collections.Concurrent;
using System.Text;

namespace AgentP.Domain.Common;

/// <summary>
/// The snake_case codes our enums have in the database and in URLs (<c>Role.SuperAdmin</c> ⇄ <c>super_admin</c>).
/// One place converts both ways, so no code string is spelled out twice. Enum members are PascalCase; the bot's own enums
/// carry <c>Unknown</c>, so a value we have not seen yet never breaks a read.
/// </summary>
public static class Codes
{
    private static readonly ConcurrentDictionary<Enum, string> ToCodeCache = new();

    public static string ToCode(this Enum value) => ToCodeCache.GetOrAdd(value, v => Snake(v.ToString()));

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToCode(), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Parses a code the bot wrote; anything unexpected becomes <paramref name="fallback"/> instead of failing the read.</summary>
    public static TEnum ParseOr<TEnum>(string? code, TEnum fallback) where TEnum : struct, Enum =>
        TryParse<TEnum>(code, out var value) ? value : fallback;

    /// <summary>Parses a code of our own schema; an unknown code is corrupt data and throws.</summary>
    public static TEnum Parse<TEnum>(string code) where TEnum : struct, Enum =>
        TryParse<TEnum>(code, out var value) ? value : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code.");

    public static TEnum? ParseOrNull<TEnum>(string? code) where TEnum : struct, Enum =>
        TryParse<TEnum>(code, out var value) ? value : null;

    private static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
