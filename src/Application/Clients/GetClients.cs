using System.Globalization;
using AgentP.Application.Common;
using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Common.Security;
using AgentP.Application.Tenants;
using AgentP.Domain.Common;
using FluentValidation;
using MediatR;

namespace AgentP.Application.Clients;

/// <summary>
/// The salon's clients, newest first, keyset-paged. <see cref="ClientFilter.Q"/> searches names (literally: % and _
/// match themselves) and phones (digits only, however they were written); <see cref="ClientFilter.Due"/> keeps the
/// clients whose last visit plus their usual interval has passed — the ones to win back — most overdue first. Once the
/// client index is ready (<see cref="Dialogs.IClientIndex"/>) the list, the search and the due counts read it, so a page
/// costs the same whatever the salon's size; how many clients of a filter are due is cached (<see cref="ScopedCache"/>)
/// until the index job runs again.
/// </summary>
[Authorize]
public sealed record GetClients(ClientFilter Filter, string? After = null, Guid? TenantId = null)
    : IRequest<ClientPage>, IAllowsAllTenants
{
    public const int PageSize = 50;
}

public sealed record ClientPage(IReadOnlyList<ClientRow> Rows, int DueCount, string? NextCursor, string TimeZone, DateOnly Today);

public sealed record ClientRow(
    Guid Id, string? Name, string? Phone, DateTimeOffset CreatedAt, string? PreferredStaff, string? PreferredService, string? PreferredTime,
    string? Language, DateOnly? LastVisit, int? VisitInterval, int? OverdueDays, int Sessions, DateTimeOffset? LastDialog)
{
    /// <summary>The day after which the client is overdue (last visit + interval), as the due list orders them.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>The client's salon, and its name in the all-salons view (null for one salon's list, which needs none).</summary>
    public Guid SalonId { get; init; }
    public string? Salon { get; init; }
}

public sealed class GetClientsValidator : AbstractValidator<GetClients>
{
    public GetClientsValidator()
    {
        RuleFor(x => x.Filter.Q).MaximumLength(100).WithName("Q").WithMessage("Слишком длинный текст поиска: не больше 100 символов.")
            .NoControlCharacters().WithName("Q");
        RuleFor(x => x.After).Must(c => c is null || TryParseCursor(c, out _) || TryParseDueCursor(c, out _)).WithMessage("Неверная ссылка на страницу.");
        RuleFor(x => x.Filter.Kind).Must(k => k is null or "dialog" or "booking").WithName("Kind")
            .WithMessage("Неизвестный вид активности: укажите dialog или booking.");
        Range(x => x.Filter.FirstFrom, x => x.Filter.FirstTo, "первого диалога", openStart: true);
        Range(x => x.Filter.ActiveFrom, x => x.Filter.ActiveTo, "активности", openStart: false);
    }

    private void Range(Func<GetClients, string?> from, Func<GetClients, string?> to, string what, bool openStart)
    {
        RuleFor(x => x).Must(x => from(x) is null || Overview.ReportPeriod.TryParseDate(from(x), out _)).WithName("Filter")
            .WithMessage($"Неверная дата начала периода {what}: нужна дата вида 2026-05-01.");
        RuleFor(x => x).Must(x => to(x) is null || Overview.ReportPeriod.TryParseDate(to(x), out _)).WithName("Filter")
            .WithMessage($"Неверная дата конца периода {what}: нужна дата вида 2026-05-31.");
        RuleFor(x => x).Must(x => (from(x) is null && openStart) ? true : (from(x) is null) == (to(x) is null)).WithName("Filter")
            .WithMessage($"Укажите обе даты периода {what}.");
        RuleFor(x => x).Must(x => !Overview.ReportPeriod.TryParseDate(from(x), out var f) || !Overview.ReportPeriod.TryParseDate(to(x), out var t)
                || (f <= t && (openStart || t.DayNumber - f.DayNumber < Overview.ReportPeriod.MaxDays))).WithName("Filter")
            .WithMessage($"Период {what} перевёрнут или длиннее {Overview.ReportPeriod.MaxDays} дней.");
    }

    /// <summary>A page of the due list: after the client due on that day (day number) with that id.</summary>
    public static bool TryParseDueCursor(string? text, out (DateOnly DueOn, Guid Id) cursor)
    {
        cursor = default;
        var parts = text?.Split('_');
        if (parts is not { Length: 2 } || parts[0] is not ['d', ..] || !int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || day > DateOnly.MaxValue.DayNumber || !Guid.TryParseExact(parts[1], "N", out var id)) return false;
        cursor = (DateOnly.FromDayNumber(day), id);
        return true;
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

public sealed class GetClientsHandler(IClientQueries queries, ITenantContext tenant, TenantTimeZones zones, TimeProvider clock, ScopedCache cache,
    SalonDirectory directory)
    : IRequestHandler<GetClients, ClientPage>
{
    public async Task<ClientPage> Handle(GetClients request, CancellationToken cancellationToken)
    {
        var scope = tenant.RequireScope();
        var scopeZones = await zones.ForScopeAsync(scope, cancellationToken);
        var zone = scopeZones.Default;
        var now = clock.GetUtcNow();
        var today = LocalDay.Of(now, zone);
        var filter = request.Filter;
        // Counting reads every matching client's due day (from the client index once it is ready): reused like the
        // Overview's figures, the salon's whole list's and each search's alike, until the index job runs again. In the
        // all-salons view each salon is due by its own today: the key holds every salon's day that is not the default zone's.
        var due = await cache.GetAsync(CacheTags.ClientIndex, ct => queries.CountDueAsync(scope, filter, today, ct), cancellationToken,
            "clients-due", today, scopeZones.DaysKey(now), filter with { Due = false }); // the whole filter record; the count is the same listed or not
        (DateTimeOffset, Guid)? after = GetClientsValidator.TryParseCursor(request.After, out var a) ? a : null;
        (DateOnly, Guid)? afterDue = GetClientsValidator.TryParseDueCursor(request.After, out var d) ? d : null;
        var page = await queries.PageAsync(scope, filter, today, after, afterDue, GetClients.PageSize + 1, cancellationToken);
        var rows = page.ToList();
        var more = rows.Count > GetClients.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (scope is null)
        {
            var salons = await directory.ScopeNamesAsync(cancellationToken); // all salons: each client's salon by name
            rows = rows.Select(r => r with { Salon = salons.GetValueOrDefault(r.SalonId) }).ToList();
        }
        return new ClientPage(rows, due,
            !more ? null
            : filter.Due ? $"d{rows[^1].DueOn!.Value.DayNumber.ToString(CultureInfo.InvariantCulture)}_{rows[^1].Id:N}"
            : $"{rows[^1].CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{rows[^1].Id:N}", zone.Id, today);
    }
}
