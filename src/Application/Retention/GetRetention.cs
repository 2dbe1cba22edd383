using System.ComponentModel;
using AgentP.Application.Common;
using AgentP.Application.Common.Security;
using AgentP.Application.Overview;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Retention;

/// <summary>
/// Retention for a range of salon-local days (<c>from</c>/<c>to</c>, default the last six months to today) grouped by
/// <c>day</c>, <c>week</c> or <c>month</c> (default): per period the clients with a dialog, <b>new</b> when their first
/// dialog with the salon ever falls in the period, <b>returning</b> when they had one before; and monthly cohorts — the
/// clients whose first dialog fell in month M (each month the range touches), and the share of them with a dialog and
/// with a booking in M+1 … M+<see cref="CohortMonths"/>. First dialogs come from the client index (plus the dialogs
/// above its mark, live). Cached like the Overview's figures.
/// <para>The periods are the Overview's (<see cref="ReportGrouping"/>): days, ISO weeks or calendar months in the salon's zone.
/// In the all-salons view, as in the Overview's, the range and its periods are calendar dates (today is the default zone's)
/// and each salon counts them on its own clock: a dialog belongs to the period of its salon's local day, a client to the
/// cohort of the month of their first dialog in their salon's zone (issue 16).</para>
/// </summary>
[Authorize(Role.SuperAdmin, Role.Admin, Role.Staff)]
public sealed record GetRetention(string? From = null, string? To = null, string? Group = null, Guid? TenantId = null)
    : IRequest<RetentionReport>, IAllowsAllTenants
{
    public const int CohortMonths = 6;
}

[ImmutableObject(true)]
public sealed record RetentionReport(string TimeZone, DateOnly Today, DateOnly From, DateOnly To, string Group,
    IReadOnlyList<RetentionPeriod> Periods, IReadOnlyList<RetentionCohort> Cohorts);

/// <summary>A period of the range (clipped to it): clients with a dialog in it, new and returning.</summary>
[ImmutableObject(true)]
public sealed record RetentionPeriod(DateOnly Start, DateOnly End, int New, int Returning, bool Partial = false)
{
    public int Clients => New + Returning;
}

/// <summary>The clients whose first dialog fell in <see cref="Month"/> and, month by month after it, how many came back.</summary>
[ImmutableObject(true)]
public sealed record RetentionCohort(DateOnly Month, int Clients, IReadOnlyList<RetentionCell?> Later);

/// <summary>Month M+<see cref="Offset"/> of a cohort; null in the list while that month has not begun.</summary>
[ImmutableObject(true)]
public sealed record RetentionCell(int Offset, DateOnly Month, int WithDialog, int WithBooking, bool Partial = false);

public sealed class GetRetentionValidator : AbstractValidator<GetRetention>
{
    public GetRetentionValidator()
    {
        RuleFor(x => x.Group).Must(g => g is null || ReportGrouping.All.Contains(g))
            .WithMessage("Неизвестная группировка: выберите день, неделю или месяц.");
        RuleFor(x => x.From).OptionalDay("с");
        RuleFor(x => x.To).OptionalDay("по");
        RuleFor(x => x).Must(x => (x.From is null) == (x.To is null)).WithName("From").WithMessage("Укажите обе даты периода: «с» и «по».");
        When(x => ReportPeriod.TryParseDate(x.From, out _) && ReportPeriod.TryParseDate(x.To, out _), () =>
        {
            RuleFor(x => x).Must(x => Parse(x.From) <= Parse(x.To)).WithName("To").WithMessage("Дата «по» раньше даты «с».");
            RuleFor(x => x).Must(x => Parse(x.To).DayNumber - Parse(x.From).DayNumber < ReportPeriod.MaxDays)
                .WithName("To").WithMessage($"Период длиннее {ReportPeriod.MaxDays} дней. Выберите период покороче.");
        });
    }

    private static DateOnly Parse(string? text) => ReportPeriod.TryParseDate(text, out var d) ? d : default;
}

public sealed class GetRetentionHandler(RetentionReports reports) : IRequestHandler<GetRetention, RetentionReport>
{
    public Task<RetentionReport> Handle(GetRetention request, CancellationToken cancellationToken) =>
        reports.BuildAsync(request.From, request.To, request.Group, cancellationToken);
}
