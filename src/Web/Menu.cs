using AgentP.Application.Alerts;
using AgentP.Application.AuditLog;
using AgentP.Application.Clients;
using AgentP.Application.Common.Security;
using AgentP.Application.Escalations;
using AgentP.Application.Overview;
using AgentP.Application.Platform;
using AgentP.Application.Retention;
using AgentP.Application.Sessions;
using AgentP.Application.Settings;
using AgentP.Application.Users;
using AgentP.Application.Wishlist;
using AgentP.Domain.Common;

namespace AgentP.Web;

/// <summary>
/// The header's menu: each item is a page and the request its page sends. Who sees an item is what the request's
/// <see cref="AuthorizeAttribute"/> allows (<see cref="AuthorizeAttribute.Allows"/>, the rule the pipeline enforces), so a
/// role is written once, on the request, never again in the layout.
/// </summary>
public static class Menu
{
    /// <param name="Label">The resource key (the Russian text) the layout localizes.</param>
    public sealed record Item(string Href, string Label, Type Request);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/", "Обзор", typeof(GetOverview)),
        new("/platform", "Платформа", typeof(GetPlatform)),
        new("/sessions", "Диалоги", typeof(GetSessions)),
        new("/wishlist", "Лист ожидания", typeof(GetWishlist)),
        new("/clients", "Клиенты", typeof(GetClients)),
        new("/retention", "Удержание", typeof(GetRetention)),
        new("/escalations", "Эскалации", typeof(GetEscalations)),
        new("/alerts", "Алерты", typeof(GetAlerts)),
        new("/audit", "Журнал", typeof(GetAuditLog)),
        new("/users", "Пользователи", typeof(GetUsers)),
        new("/settings", "Настройки", typeof(GetSettings)),
    ];

    /// <summary>The items whose page a user of <paramref name="role"/> may open, in the menu's order.</summary>
    public static IEnumerable<Item> For(Role? role) => role is { } r ? Items.Where(i => AuthorizeAttribute.Allows(i.Request, r)) : [];
}
