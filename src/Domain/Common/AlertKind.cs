namespace AgentP.Domain.Common;

public enum AlertKind { LowConversion, HighDropOff, ErrorSpike }
