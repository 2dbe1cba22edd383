namespace AgentP.Domain.Common;

public enum SessionStatus { Done, Dropped, Escalated, Unknown }
