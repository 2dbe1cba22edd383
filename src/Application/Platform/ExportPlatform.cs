using AgentP.Application.Common;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Platform;

/// <summary>The Platform page's salons, one row each in the page's order, as a CSV export that audits itself.</summary>
[Authorize(Role.SuperAdmin)]
public sealed record ExportPlatform(string? Range = null, string? From = null, string? To = null, string? Sort = null, bool Descending = true)
    : IRequest<Export<SalonRow>>, IPlatformWide;

public sealed class ExportPlatformValidator : AbstractValidator<ExportPlatform>
{
    public ExportPlatformValidator() =>
        RuleFor(x => new GetPlatform(x.Range, x.From, x.To, x.Sort, x.Descending)).SetValidator(new GetPlatformValidator()).OverridePropertyName("Range");
}

/// <summary>The rows are the page's own (its cached figures included): one per salon, nothing to stream from the database.</summary>
public sealed class ExportPlatformHandler(PlatformReports platform, ExportAudit audit) : IRequestHandler<ExportPlatform, Export<SalonRow>>
{
    public async Task<Export<SalonRow>> Handle(ExportPlatform request, CancellationToken cancellationToken)
    {
        var report = await platform.BuildAsync(new GetPlatform(request.Range, request.From, request.To, request.Sort, request.Descending), cancellationToken);
        return await audit.OfAsync("platform", new { request.Range, request.From, request.To }, report.Salons.ToAsyncEnumerable(), cancellationToken,
            $"platform-{report.Period.From:yyyy-MM-dd}-{report.Period.To:yyyy-MM-dd}.csv");
    }
}
