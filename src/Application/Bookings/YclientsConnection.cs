using AgentP.Domain.Bot;

namespace AgentP.Application.Bookings;

/// <summary>
/// The one rule for "this salon is connected to YClients": the platform's partner token (<c>Yclients:PartnerToken</c>)
/// plus the salon's <c>yclients_company_id</c> and <c>yclients_token</c> in <c>tenants_v2.metadata</c>. Settings, the
/// Overview and the booking verification all ask it, so no two pages can disagree.
/// </summary>
public sealed class YclientsConnection(IYclients yclients)
{
    public YclientsState StateOf(TenantMetadata metadata) =>
        !yclients.IsConfigured ? YclientsState.NoPartnerToken
        : string.IsNullOrWhiteSpace(metadata.YclientsCompanyId) ? YclientsState.NoCompany
        : string.IsNullOrWhiteSpace(metadata.YclientsToken) ? YclientsState.NoToken
        : YclientsState.Connected;

    public bool IsConnected(TenantMetadata metadata) => StateOf(metadata) == YclientsState.Connected;
}
