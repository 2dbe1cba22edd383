using AgentP.Application.Clients;
using AgentP.Application.Common.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace AgentP.Application.Dialogs;

/// <summary>
/// The index's mark as pages read it, cached: an older mark is as true (every dialog up to it is indexed), it only leaves
/// the last minutes' dialogs to the live side.
/// </summary>
public sealed class DialogIndexMark(ScopedCache cache)
{
    public Task<long> GetAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(CacheTags.DialogIndex, 0, static (services, _, ct) => services.GetRequiredService<IDialogIndex>().IndexedUpToAsync(ct),
            cancellationToken, "dialog-index-mark");

    /// <summary>Whether pages may read the client index (it has caught up once); cached like the mark.</summary>
    public Task<bool> ClientIndexReadyAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(CacheTags.ClientIndex, 0, static (services, _, ct) => services.GetRequiredService<IClientIndex>().ReadyAsync(ct),
            cancellationToken, "client-index-ready");
}
