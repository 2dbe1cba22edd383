namespace AgentP.Application.Common;

/// <summary>The <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>IANA id of the time zone for salons without their own setting.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Moscow";
}
