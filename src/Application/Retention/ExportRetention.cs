using AgentP.Application.Common;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Retention;

/// <summary>The retention page's two tables as one CSV that audits itself; the range reads as <see cref="GetRetention"/>'s.</summary>
[Authorize(Role.SuperAdmin, Role.Admin, Role.Staff)]
public sealed record ExportRetention(string? From = null, string? To = null, string? Group = null, Guid? TenantId = null)
    : IRequest<Export<RetentionRow>>, IAllowsAllTenants;

/// <summary>
/// One line of the export: a period (<c>table = period</c>: new and returning clients) or a cohort's later month
/// (<c>table = cohort</c>: the cohort's size, the month offset, clients with a dialog / a booking; offset 0 is the cohort itself).
/// </summary>
public sealed record RetentionRow(string Table, DateOnly Start, DateOnly End, int Clients, int? New, int? Returning, int? Offset,
    int? WithDialog, int? WithBooking);

public sealed class ExportRetentionValidator : AbstractValidator<ExportRetention>
{
    public ExportRetentionValidator() =>
        RuleFor(x => new GetRetention(x.From, x.To, x.Group, x.TenantId)).SetValidator(new GetRetentionValidator()).OverridePropertyName("From");
}

/// <summary>The rows are the page's own report (its cache included): at most a year of periods and 13 cohorts.</summary>
public sealed class ExportRetentionHandler(RetentionReports reports, ExportAudit audit) : IRequestHandler<ExportRetention, Export<RetentionRow>>
{
    public async Task<Export<RetentionRow>> Handle(ExportRetention request, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(request.From, request.To, request.Group, cancellationToken);
        return await audit.OfAsync("retention", new { request.From, request.To, request.Group }, Rows(report).ToAsyncEnumerable(), cancellationToken,
            $"retention-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv");
    }

    public static IEnumerable<RetentionRow> Rows(RetentionReport report)
    {
        foreach (var p in report.Periods)
            yield return new RetentionRow("period", p.Start, p.End, p.Clients, p.New, p.Returning, null, null, null);
        foreach (var c in report.Cohorts)
        {
            var end = c.Month.AddMonths(1).AddDays(-1);
            yield return new RetentionRow("cohort", c.Month, end, c.Clients, null, null, 0, null, null);
            foreach (var cell in c.Later.OfType<RetentionCell>())
                yield return new RetentionRow("cohort", c.Month, end, c.Clients, null, null, cell.Offset, cell.WithDialog, cell.WithBooking);
        }
    }
}
