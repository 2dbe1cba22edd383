using AgentP.Application.Overview;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace AgentP.Application.Platform;

/// <summary>All salons side by side for a range (super_admin only), sortable by any column.</summary>
[Authorize(Role.SuperAdmin)]
public sealed record GetPlatform(string? Range = null, string? From = null, string? To = null, string? Sort = null, bool Descending = true)
    : IRequest<PlatformReport>, IPlatformWide
{
    public static readonly IReadOnlyList<string> SortKeys = ["name", "dialogs", "bookings", "conversion", "containment", "revenue", "trend"];
}

public sealed record PlatformReport(string? Range, ReportPeriod Period, string Sort, bool Descending, IReadOnlyList<SalonRow> Salons, OverviewTotals Total);

/// <summary>A salon's figures for the period; <see cref="DialogsTrend"/> is the change in dialogs vs the previous period, in %.</summary>
public sealed record SalonRow(Guid TenantId, string Name, bool IsActive, OverviewTotals Current, OverviewTotals Previous,
    SalonPercentiles? Percentiles = null)
{
    public decimal? DialogsTrend => Previous.Dialogs == 0 ? null : Math.Round((Current.Dialogs - Previous.Dialogs) * 100m / Previous.Dialogs, 1);
}

public sealed class GetPlatformValidator : AbstractValidator<GetPlatform>
{
    public GetPlatformValidator()
    {
        // The range rules are the Overview's.
        RuleFor(x => new GetOverview(x.Range, x.From, x.To, null)).SetValidator(new GetOverviewValidator()).OverridePropertyName("Range");
        RuleFor(x => x.Sort).Must(s => s is null || GetPlatform.SortKeys.Contains(s)).WithMessage("Неизвестная сортировка.");
    }
}

public sealed class GetPlatformHandler(PlatformReports platform) : IRequestHandler<GetPlatform, PlatformReport>
{
    public Task<PlatformReport> Handle(GetPlatform request, CancellationToken cancellationToken) => platform.BuildAsync(request, cancellationToken);
}
