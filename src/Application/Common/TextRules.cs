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

    /// <summary>bcrypt reads this many bytes of the password's UTF-8 and ignores the rest.</summary>
    public const int MaxPasswordBytes = 72;

    /// <summary>
    /// The one password rule of the dashboard (create user, CLI included; change; reset): at least 10 characters with
    /// letters and digits, at most 72 UTF-8 bytes — counted in bytes, since a Cyrillic letter takes two and bcrypt would
    /// silently ignore everything after the 72nd byte.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> StrongPassword<T>(this IRuleBuilderInitial<T, string?> rule, string emptyMessage) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(emptyMessage)
            .MinimumLength(MinPasswordLength).WithMessage($"Пароль слишком простой: нужно не меньше {MinPasswordLength} символов.")
            .Must(p => System.Text.Encoding.UTF8.GetByteCount(p!) <= MaxPasswordBytes)
            .WithMessage($"Пароль слишком длинный: не больше {MaxPasswordBytes} байт — это {MaxPasswordBytes} латинских букв и цифр или {MaxPasswordBytes / 2} русских букв.")
            .Must(p => p!.Any(char.IsLetter) && p!.Any(char.IsDigit)).WithMessage("Пароль слишком простой: нужны и буквы, и цифры.");

    /// <summary>An optional day in the query string: yyyy-MM-dd within 2000–2100; <paramref name="which"/> is «с» or «по».</summary>
    public static IRuleBuilderOptions<T, string?> OptionalDay<T>(this IRuleBuilder<T, string?> rule, string which) =>
        rule.Must(d => d is null || Overview.ReportPeriod.TryParseDate(d, out _))
            .WithMessage($"Дата «{which}» должна быть в виде ГГГГ-ММ-ДД (2000–2100 годы), например {(which == "с" ? "2026-10-01" : "2026-10-31")}.");
}
