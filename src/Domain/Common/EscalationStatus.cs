namespace AgentP.Domain.Common;

public enum EscalationStatus { Active, Resolved, Escalated }
