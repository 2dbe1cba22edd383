using System.Globalization;
using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Clients;

/// <summary>
/// The salon's clients, newest first, keyset-paged. <see cref="ClientFilter.Q"/> searches names (literally: % and _
/// match themselves) and phones (digits only, however they were written); <see cref="ClientFilter.Due"/> keeps the
/// clients whose last visit plus their usual interval has passed — the ones to win back. Without a search, how many
/// of the salon's clients are due is a salon-wide figure and is cached (<see cref="ScopedCache"/>).
/// </summary>
[Authorize]
public sealed record GetClients(ClientFilter Filter, string? After = null, Guid? TenantId = null)
    : IRequest<ClientPage>, IAllowsAllTenants
{
    public const int PageSize = 50;
}

public sealed record ClientFilter(string? Q = null, bool Due = false);

public sealed record ClientPage(IReadOnlyList<ClientRow> Rows, int DueCount, string? NextCursor, string TimeZone, DateOnly Today);

public sealed record ClientRow(
    Guid Id, string? Name, string? Phone, DateTimeOffset CreatedAt, string? PreferredStaff, string? PreferredService, string? PreferredTime,
    string? Language, DateOnly? LastVisit, int? VisitInterval, int? OverdueDays, int Sessions, DateTimeOffset? LastDialog);

/// <summary>A page of clients, and (when asked) how many clients of the search, whatever the due filter, are due for a visit.</summary>
public sealed record ClientRows(IReadOnlyList<ClientRow> Rows, int DueCount);

/// <summary>The clients list's SQL; Infrastructure.</summary>
public interface IClientQueries
{
    /// <summary>How many clients the search finds (whatever the due filter) are due for a visit.</summary>
    Task<int> CountDueAsync(Guid? tenantId, ClientFilter filter, DateOnly today, CancellationToken cancellationToken);

    Task<ClientRows> PageAsync(Guid? tenantId, ClientFilter filter, DateOnly today, (DateTimeOffset At, Guid Id)? after, int take,
        bool countDue, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="take"/> clients of the filter, as the list orders them, in one query read as it goes.</summary>
    IAsyncEnumerable<ClientRow> StreamAsync(Guid? tenantId, ClientFilter filter, DateOnly today, int take, CancellationToken cancellationToken);
}

public sealed class GetClientsValidator : AbstractValidator<GetClients>
{
    public GetClientsValidator()
    {
        RuleFor(x => x.Filter.Q).MaximumLength(100).WithName("Q").WithMessage("Слишком длинный текст поиска: не больше 100 символов.")
            .NoControlCharacters().WithName("Q");
        RuleFor(x => x.After).Must(c => c is null || TryParseCursor(c, out _)).WithMessage("Неверная ссылка на страницу.");
    }

    public static bool TryParseCursor(string? text, out (DateTimeOffset At, Guid Id) cursor)
    {
        cursor = default;
        var parts = text?.Split('_');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out var id)) return false;
        cursor = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

public sealed class GetClientsHandler(IClientQueries queries, ITenantContext tenant, TenantTimeZones zones, TimeProvider clock, ScopedCache cache)
    : IRequestHandler<GetClients, ClientPage>
{
    public async Task<ClientPage> Handle(GetClients request, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        var zone = await zones.ForAsync(scope, cancellationToken);
        var today = LocalDay.Of(clock.GetUtcNow(), zone);
        GetClientsValidator.TryParseCursor(request.After, out var after);
        var filter = request.Filter;
        // Counting reads every matching client's memory: the salon-wide count (no search) is reused like the Overview's
        // figures; a search's is counted along with its page.
        var salonWide = string.IsNullOrWhiteSpace(filter.Q);
        var cachedDue = salonWide
            ? await cache.GetAsync(CacheTags.Figures, ct => queries.CountDueAsync(scope, filter, today, ct), cancellationToken, "clients-due", today)
            : (int?)null;
        var page = await queries.PageAsync(scope, filter, today, request.After is null ? null : after, GetClients.PageSize + 1,
            !salonWide, cancellationToken);
        var rows = page.Rows.ToList();
        var more = rows.Count > GetClients.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ClientPage(rows, cachedDue ?? page.DueCount,
            more ? $"{rows[^1].CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{rows[^1].Id:N}" : null, zone.Id, today);
    }
}
