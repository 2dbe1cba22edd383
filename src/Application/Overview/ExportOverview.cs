using AgentP.Application.Common;
using AgentP.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Overview;

/// <summary>The Overview's daily rows for a range as a CSV export that audits itself; the range reads as <see cref="GetOverview"/>'s.</summary>
[Authorize]
public sealed record ExportOverview(string? Range = null, string? From = null, string? To = null, Guid? TenantId = null)
    : IRequest<Export<OverviewDay>>, IAllowsAllTenants;

public sealed class ExportOverviewValidator : AbstractValidator<ExportOverview>
{
    public ExportOverviewValidator() =>
        RuleFor(x => new GetOverview(x.Range, x.From, x.To, x.TenantId)).SetValidator(new GetOverviewValidator()).OverridePropertyName("Range");
}

/// <summary>The rows are the Overview's own (its cached figures included). At most a year of days: nothing to stream from the database.</summary>
public sealed class ExportOverviewHandler(OverviewReports overview, ExportAudit audit)
    : IRequestHandler<ExportOverview, Export<OverviewDay>>
{
    public async Task<Export<OverviewDay>> Handle(ExportOverview request, CancellationToken cancellationToken)
    {
        var report = await overview.BuildAsync(request.Range, request.From, request.To, cancellationToken);
        return audit.Of("overview", new { request.Range, request.From, request.To }, report.Days.ToAsyncEnumerable(),
            $"overview-{report.Period.From:yyyy-MM-dd}-{report.Period.To:yyyy-MM-dd}.csv");
    }
}
