using AgentP.Application.Common.Caching;
using AgentP.Application.Common.Security;
using System.Text.Json;
using AgentP.Application.Common;
using AgentP.Application.Common.Interfaces;
using AgentP.Application.Metrics;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentP.Application.Bookings;

/// <summary>
/// Asks YClients what became of the bot's bookings whose time has passed (<c>booking_datetime</c> within the last
/// 14 days, or the days given), up to <c>Yclients:RequestsPerSalon</c> per salon and run, and records each answer in
/// <c>dashboard.bookings</c>. Settled records (came, did not come, cancelled) are not asked again. One bad record is
/// reported and skipped; each salon's answers are saved in one transaction, then the metrics of the days concerned are
/// collected again so attended figures reach the Overview. Salons without credentials are reported as not connected.
/// </summary>
[Changes(CacheTags.Figures, CacheTags.Attention)]
public sealed record VerifyBookings(Guid? Tenant = null, DateOnly? From = null, DateOnly? To = null, IProgress<string>? Progress = null)
    : IRequest<VerificationResult>, ISystemRequest;

public sealed record VerificationResult(IReadOnlyList<SalonVerification> Salons)
{
    public int Checked => Salons.Sum(s => s.Checked);
    public int Failed => Salons.Sum(s => s.Failed);
}

/// <param name="Connected">False when the salon (or the platform) has no YClients credentials.</param>
public sealed record SalonVerification(Guid TenantId, string Name, bool Connected, int Checked, int Settled, int Failed, int Left,
    IReadOnlyList<string> Errors);

public sealed class VerifyBookingsHandler(
    IPublicData bot, IDashboardDb db, IYclients yclients, YclientsConnection connection, TenantTimeZones zones, MetricsChunks chunks, IOptions<YclientsOptions> options,
    DashboardMetrics metrics, TimeProvider clock)
    : IRequestHandler<VerifyBookings, VerificationResult>
{
    public async Task<VerificationResult> Handle(VerifyBookings request, CancellationToken cancellationToken)
    {
        var tenants = await bot.Tenants.Where(t => t.IsActive && (request.Tenant == null || t.Id == request.Tenant))
            .OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var salons = new List<SalonVerification>();
        foreach (var tenant in tenants)
        {
            var (companyId, token) = (tenant.Metadata.YclientsCompanyId, tenant.Metadata.YclientsToken);
            if (!connection.IsConnected(tenant.Metadata) || companyId is null || token is null) // the rule Settings and the Overview ask too
            {
                salons.Add(new SalonVerification(tenant.Id, tenant.Name, false, 0, 0, 0, 0, []));
                request.Progress?.Report($"{tenant.Name}: YClients не подключён");
                continue;
            }
            var salon = await VerifySalonAsync(tenant.Id, tenant.Name, companyId, token, request, cancellationToken);
            salons.Add(salon);
            request.Progress?.Report($"{tenant.Name}: проверено {salon.Checked}, окончательно {salon.Settled}, ошибок {salon.Failed}, осталось {salon.Left}");
        }
        return new VerificationResult(salons);
    }

    private async Task<SalonVerification> VerifySalonAsync(Guid tenantId, string name, string companyId, string token, VerifyBookings request,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = await zones.ForAsync(tenantId, cancellationToken);
        var (from, to) = request.From is { } f && request.To is { } t
            ? LocalDay.UtcRange(f, t, zone)
            : (now - BookingVerification.RecheckWindow, now);
        if (to > now) to = now; // a booking is verified once its time has passed

        var booked = await bot.Sessions
            .Where(s => s.TenantId == tenantId && s.BookingId != null && s.BookingDatetime >= from && s.BookingDatetime < to)
            .OrderBy(s => s.BookingDatetime).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.BookingId, s.UserId, s.StartedAt, s.BookingDatetime })
            .ToListAsync(cancellationToken);
        var externalIds = booked.Select(s => s.BookingId!).Distinct().ToList();
        var known = await db.BookingVerifications.Where(b => b.TenantId == tenantId && externalIds.Contains(b.ExternalId))
            .ToDictionaryAsync(b => b.ExternalId, cancellationToken);
        var open = booked.Where(s => !(known.TryGetValue(s.BookingId!, out var b) && b.IsSettled)).DistinctBy(s => s.BookingId).ToList();

        int checkedCount = 0, settled = 0, failed = 0;
        var errors = new List<string>();
        var days = new HashSet<DateOnly>();
        foreach (var s in open.Take(options.Value.RequestsPerSalon))
        {
            var answer = await yclients.GetRecordAsync(companyId, token, s.BookingId!, cancellationToken);
            metrics.YclientsRecord(answer.Outcome.ToString().ToLowerInvariant());
            if (answer.Outcome == YclientsOutcome.Failed)
            {
                failed++;
                errors.Add($"{s.BookingId}: {answer.Error}");
                continue;
            }
            if (!known.TryGetValue(s.BookingId!, out var booking))
            {
                booking = new BookingVerification
                {
                    TenantId = tenantId, ExternalId = s.BookingId!, ClientId = s.UserId.ToString(), SessionId = s.Id,
                    StartAt = s.BookingDatetime!.Value, CreatedAt = now,
                };
                db.BookingVerifications.Add(booking);
                known[s.BookingId!] = booking;
            }
            var raw = answer.Outcome == YclientsOutcome.NotFound
                ? JsonSerializer.Serialize(new { not_found = true, answer = answer.Raw })
                : answer.Raw ?? "{}";
            booking.Apply(answer.Attendance, deleted: answer.Outcome == YclientsOutcome.NotFound || answer.Deleted, answer.Service, raw, now);
            checkedCount++;
            if (booking.IsSettled) settled++;
            days.Add(LocalDay.Of(s.StartedAt, zone));
        }
        await db.SaveChangesAsync(cancellationToken);

        // The attended figures live in the metrics of the day each booking was made: collect those (closed) days again.
        var today = LocalDay.Of(now, zone);
        var closed = days.Where(d => d < today).Order().ToList();
        if (closed.Count > 0)
        {
            var result = await chunks.CollectAsync(closed[0], closed[^1], tenantId, null, cancellationToken);
            if (!result.Succeeded) errors.Add($"metrics {result.FailedFrom:yyyy-MM-dd}: {result.Error}");
        }
        return new SalonVerification(tenantId, name, true, checkedCount, settled, failed, Math.Max(0, open.Count - checkedCount - failed), errors);
    }
}
