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
}
