namespace AgentP.Application.Clients;

/// <summary>The bot's rows that change in place, which the client index follows by <c>updated_at</c>.</summary>
public enum ClientIndexSource { Clients, Memory }
