namespace AgentP.Application.Common.Security;

/// <summary>A super_admin's request that always sees every salon (the Platform page, the salon switcher).</summary>
public interface IPlatformWide;
