namespace AgentP.Domain.Common;

/// <summary>
/// The one rule by which a Russian noun follows its number: 1, 21, 101 диалог; 2–4, 22–24 диалога; 0, 5–20, 25–30,
/// 111–114 диалогов. Texts built in SQL use <see cref="Sql"/>, the same rule written as a CASE.
/// </summary>
public static class RussianPlural
{
    /// <summary>The form for <paramref name="count"/>: <paramref name="one"/> (1), <paramref name="few"/> (2) or <paramref name="many"/> (5).</summary>
    public static string Word(long count, string one, string few, string many)
    {
        var n = Math.Abs(count);
        var (lastTwo, last) = (n % 100, n % 10);
        if (lastTwo is >= 11 and <= 14) return many;
        return last switch { 1 => one, >= 2 and <= 4 => few, _ => many };
    }

    /// <summary>«21 диалог», «5 заявок».</summary>
    public static string Count(long count, string one, string few, string many) => $"{count} {Word(count, one, few, many)}";

    /// <summary>The same rule as a PostgreSQL expression over an integer <paramref name="column"/> (the words are constants, never input).</summary>
    public static string Sql(string column, string one, string few, string many) =>
        $"CASE WHEN abs({column}) % 100 BETWEEN 11 AND 14 THEN '{many}' WHEN abs({column}) % 10 = 1 THEN '{one}' " +
        $"WHEN abs({column}) % 10 BETWEEN 2 AND 4 THEN '{few}' ELSE '{many}' END";
}
