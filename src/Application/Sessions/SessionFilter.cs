using AgentP.Application.Common;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Sessions;

/// <summary>
/// The filters of the sessions list and its export, as they come from the query string (all optional: no filter
/// shows every dialog, newest first). Dates are salon-local days (in the all-salons view, each salon's own). Each filter
/// follows the collector's definition of the Overview figure it drills into (docs/architecture.md §5):
/// <see cref="Stage"/> is a drop-off stage (<c>service_selection</c>…) or, with <see cref="PastPrefix"/>, the dialogs that got
/// past it (a funnel bar: not dropped at it or at any stage before it), or <see cref="Completed"/>; <see cref="Service"/> a name in
/// <c>meta.services_mentioned</c>; <see cref="Staff"/> <c>meta.staff_name</c>, else <c>meta.staff_id</c>; <see cref="Escalated"/>
/// <c>yes</c> the escalated dialogs, <c>no</c> those the bot handled alone (every other status); <see cref="Attended"/> the
/// booked dialogs whose booking YClients says the client came to (<c>yes</c>) or did not (<c>no</c>); <see cref="Word"/> the dialogs
/// whose clients wrote a term of "what clients wrote before they left" (<c>dashboard.dialog_words</c>: dialogs with a drop-off stage);
/// <see cref="AfterHours"/> <c>yes</c> the dialogs started outside the salon's opening hours in its zone (the bot's value), <c>no</c>
/// those started within them.
/// </summary>
public sealed record SessionFilter(
    string? From = null, string? To = null, string? Status = null, string? Channel = null, string? Booked = null,
    string? Intent = null, string? Sentiment = null, string? Stage = null, string? Q = null, string? Service = null, string? Staff = null,
    string? Escalated = null, string? Attended = null, string? Word = null, string? AfterHours = null)
{
    public const int MaxText = 200;

    /// <summary><c>stage=past_staff_selection</c>: the dialogs that got past choosing the staff member (a funnel bar).</summary>
    public const string PastPrefix = "past_";

    /// <summary><c>stage=completed</c>: the funnel's completed dialogs (no drop-off stage, or ended <c>done</c>; 001 §7.1).</summary>
    public const string Completed = "completed";

    public bool IsEmpty => this == new SessionFilter();

    /// <summary>The stage of a <c>stage</c> value, and whether it means "got past it" rather than "dropped at it".</summary>
    public static bool TryParseStage(string? value, out DropOffStage stage, out bool past)
    {
        past = value?.StartsWith(PastPrefix, StringComparison.Ordinal) == true;
        return Codes.TryParse(past ? value![PastPrefix.Length..] : value, out stage);
    }

    /// <summary>
    /// Whether the range has both ends and is at most <see cref="ReportPeriod.MaxDays"/> days long: the list counts its
    /// dialogs only then, so a count never scans more than a report's range.
    /// </summary>
    public bool IsCountable => ReportPeriod.TryParseDate(From, out var from) && ReportPeriod.TryParseDate(To, out var to)
        && from <= to && to.DayNumber - from.DayNumber < ReportPeriod.MaxDays;

    /// <summary>
    /// Whether a search text is too short for the trigram indexes: it has no three letters or digits in a row, so they hold
    /// nothing to look it up by (<c>_</c>, <c>%</c>, «ан»). Such a search walks the newest dialogs a bounded window at a time
    /// (<see cref="SessionQueries.ShortQueryWindow"/>) and is not counted.
    /// </summary>
    public static bool IsShortQuery(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return false;
        var run = 0;
        foreach (var c in q)
        {
            run = char.IsLetterOrDigit(c) ? run + 1 : 0;
            if (run >= 3) return false;
        }
        return true;
    }

    public static string LikeEscape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
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
        RuleFor(x => x.Attended).Must(v => v is null or "yes" or "no").WithMessage("Фильтр «пришёл» принимает yes или no.");
        RuleFor(x => x.Escalated).Must(v => v is null or "yes" or "no").WithMessage("Фильтр «эскалация» принимает yes или no.");
        RuleFor(x => x.AfterHours).Must(v => v is null or "yes" or "no").WithMessage("Фильтр «вне часов работы» принимает yes или no.");
        RuleFor(x => x.Sentiment).Must(v => v is null || Codes.TryParse<Sentiment>(v, out _)).WithMessage("Неизвестное настроение.");
        RuleFor(x => x.Stage).Must(v => v is null or SessionFilter.Completed || SessionFilter.TryParseStage(v, out _, out _)).WithMessage("Неизвестный этап.");
        RuleFor(x => x.Intent).MaximumLength(SessionFilter.MaxText).WithMessage($"Слишком длинный текст: не больше {SessionFilter.MaxText} символов.")
            .NoControlCharacters();
        RuleFor(x => x.Service).MaximumLength(SessionFilter.MaxText).WithMessage($"Слишком длинное название услуги: не больше {SessionFilter.MaxText} символов.")
            .NoControlCharacters();
        RuleFor(x => x.Staff).MaximumLength(SessionFilter.MaxText).WithMessage($"Слишком длинное имя мастера: не больше {SessionFilter.MaxText} символов.")
            .NoControlCharacters();
        RuleFor(x => x.Word).MaximumLength(Dialogs.LeavingWords.MaxTermLength).WithMessage($"Слишком длинное слово: не больше {Dialogs.LeavingWords.MaxTermLength} символов.")
            .NoControlCharacters();
        RuleFor(x => x.Q).MaximumLength(SessionFilter.MaxText).WithMessage($"Слишком длинный текст поиска: не больше {SessionFilter.MaxText} символов.")
            .NoControlCharacters();
    }
}
