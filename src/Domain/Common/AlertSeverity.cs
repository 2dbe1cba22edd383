namespace AgentP.Domain.Common;

public enum AlertSeverity { Info, Warning, Critical }
