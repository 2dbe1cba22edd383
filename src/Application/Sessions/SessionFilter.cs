using AgentP.Application.Common;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using FluentValidation;

namespace AgentP.Application.Sessions;

/// <summary>
/// The filters of the sessions list and its export, as they come from the query string (all optional: no filter
/// shows every dialog, newest first). Dates are salon-local days.
/// </summary>
public sealed record SessionFilter(
    string? From = null, string? To = null, string? Status = null, string? Channel = null, string? Booked = null,
    string? Intent = null, string? Sentiment = null, string? Stage = null, string? Q = null)
{
    public const int MaxText = 200;

    public bool IsEmpty => this == new SessionFilter();

    public static string LikeEscape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>Applies a <see cref="SessionFilter"/> with the database's own operators (jsonb containment, ILIKE); Infrastructure.</summary>
public interface ISessionSearch
{
    IQueryable<Domain.Bot.ConversationSession> Apply(IQueryable<Domain.Bot.ConversationSession> sessions, SessionFilter filter, TimeZoneInfo zone);
}

public sealed class SessionFilterValidator : AbstractValidator<SessionFilter>
{
    public SessionFilterValidator()
    {
        RuleFor(x => x.From).OptionalDay("с");
        RuleFor(x => x.To).OptionalDay("по");
        RuleFor(x => x).Must(x => !ReportPeriod.TryParseDate(x.From, out var f) || !ReportPeriod.TryParseDate(x.To, out var t) || f <= t)
            .WithName("To").WithMessage("Дата «по» раньше даты «с».");
        RuleFor(x => x.Status).Must(v => v is null || Codes.TryParse<SessionStatus>(v, out var s) && s != SessionStatus.Unknown).WithMessage("Неизвестный статус.");
        RuleFor(x => x.Channel).Must(v => v is null || Codes.TryParse<Channel>(v, out var c) && c != Domain.Common.Channel.Unknown).WithMessage("Неизвестный канал.");
        RuleFor(x => x.Booked).Must(v => v is null or "yes" or "no").WithMessage("Фильтр «запись» принимает yes или no.");
        RuleFor(x => x.Sentiment).Must(v => v is null || Codes.TryParse<Sentiment>(v, out _)).WithMessage("Неизвестное настроение.");
        RuleFor(x => x.Stage).Must(v => v is null || Codes.TryParse<DropOffStage>(v, out _)).WithMessage("Неизвестный этап.");
        RuleFor(x => x.Intent).MaximumLength(SessionFilter.MaxText).WithMessage($"Слишком длинный текст: не больше {SessionFilter.MaxText} символов.")
            .NoControlCharacters();
        RuleFor(x => x.Q).MaximumLength(SessionFilter.MaxText).WithMessage($"Слишком длинный текст поиска: не больше {SessionFilter.MaxText} символов.")
            .NoControlCharacters();
    }
}
