namespace AgentP.Application.Common.Security;

/// <summary>
/// A request a scheduled job or the command line sends for every salon (or one it names): the unit of work is scoped to
/// the system and sees every salon. Only the process itself may send it, never a web request.
/// </summary>
public interface ISystemRequest;
