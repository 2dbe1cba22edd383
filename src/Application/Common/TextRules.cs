using FluentValidation;

namespace AgentP.Application.Common;

public static class TextRules
{
    /// <summary>
    /// Refuses NUL and other control characters (PostgreSQL cannot store NUL; the rest only ever comes from
    /// tampering). Line breaks and tabs pass where <paramref name="multiline"/> says so.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule, bool multiline = false) =>
        rule.Must(text => text is null || !text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            .WithMessage("В тексте есть управляющие символы.");

    public const int MinPasswordLength = 10;

    /// <summary>The one password rule of the dashboard: 10–72 characters (bcrypt reads 72 bytes) with letters and digits.</summary>
    public static IRuleBuilderOptions<T, string?> StrongPassword<T>(this IRuleBuilderInitial<T, string?> rule, string emptyMessage) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(emptyMessage)
            .MinimumLength(MinPasswordLength).WithMessage($"Пароль слишком простой: нужно не меньше {MinPasswordLength} символов.")
            .MaximumLength(72).WithMessage("Пароль длиннее 72 символов.")
            .Must(p => p!.Any(char.IsLetter) && p!.Any(char.IsDigit)).WithMessage("Пароль слишком простой: нужны и буквы, и цифры.");

    /// <summary>An optional day in the query string: yyyy-MM-dd within 2000–2100; <paramref name="which"/> is «с» or «по».</summary>
    public static IRuleBuilderOptions<T, string?> OptionalDay<T>(this IRuleBuilder<T, string?> rule, string which) =>
        rule.Must(d => d is null || Overview.ReportPeriod.TryParseDate(d, out _))
            .WithMessage($"Дата «{which}» должна быть в виде ГГГГ-ММ-ДД (2000–2100 годы), например {(which == "с" ? "2026-10-01" : "2026-10-31")}.");
}
