namespace AgentP.Application.Common.Caching;

/// <summary>The kinds of change a cached value can go old by; a value names one, a command declares those it makes.</summary>
public static class CacheTags
{
    /// <summary>Collected figures: closed days, today's live rows, when they were last collected, counts derived from the bot's data.</summary>
    public const string Figures = "figures";

    /// <summary>What needs attention: open alerts, waiting escalation cases, resolved cases.</summary>
    public const string Attention = "attention";

    /// <summary>A salon's settings: its time zone above all.</summary>
    public const string Settings = "settings";

    /// <summary>The dialog index's mark.</summary>
    public const string DialogIndex = "dialog-index";

    /// <summary>What is read from the client index: whether it is ready, the due counts, retention.</summary>
    public const string ClientIndex = "client-index";

    /// <summary>The bot's salons: names, the switcher's list, whether YClients is connected. Only the bot changes them.</summary>
    public const string Salons = "salons";
}
