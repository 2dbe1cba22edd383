using AgentP.Application.Common;
using AgentP.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Overview;

/// <summary>
/// The Overview's rows for a range, one per period (no totals row), as a CSV export that audits itself; the range and the
/// grouping read as <see cref="GetOverview"/>'s.
/// </summary>
[Authorize]
public sealed record ExportOverview(string? Range = null, string? From = null, string? To = null, Guid? TenantId = null, string? Group = null)
    : IRequest<Export<OverviewPeriod>>, IAllowsAllTenants;

public sealed class ExportOverviewValidator : AbstractValidator<ExportOverview>
{
    public ExportOverviewValidator() =>
        RuleFor(x => new GetOverview(x.Range, x.From, x.To, x.TenantId, x.Group)).SetValidator(new GetOverviewValidator()).OverridePropertyName("Range");
}

/// <summary>The rows are the Overview's own (its cached figures included). At most a year of days: nothing to stream from the database.</summary>
public sealed class ExportOverviewHandler(OverviewReports overview, ExportAudit audit)
    : IRequestHandler<ExportOverview, Export<OverviewPeriod>>
{
    public async Task<Export<OverviewPeriod>> Handle(ExportOverview request, CancellationToken cancellationToken)
    {
        var report = await overview.BuildAsync(request.Range, request.From, request.To, request.Group, cancellationToken);
        return await audit.OfAsync("overview", new { request.Range, request.From, request.To, request.Group }, report.Periods.ToAsyncEnumerable(), cancellationToken,
            $"overview-{report.Period.From:yyyy-MM-dd}-{report.Period.To:yyyy-MM-dd}.csv");
    }
}
