using AgentP.Application.Overview;

namespace AgentP.Web.Pages.Shared;

/// <summary>The period picker of the report pages: presets as links, custom dates as a GET form (bookmarkable).</summary>
/// <param name="Keep">Query parameters the picker carries along (the Platform's sort).</param>
public sealed record RangePicker(string? Range, ReportPeriod? Period, string? From, string? To,
    IReadOnlyDictionary<string, string?>? Keep = null, string? ExportHref = null)
{
    public string PresetHref(string preset) =>
        "?range=" + preset + string.Concat((Keep ?? new Dictionary<string, string?>())
            .Where(k => k.Value is not null).Select(k => $"&{k.Key}={Uri.EscapeDataString(k.Value!)}"));
}
