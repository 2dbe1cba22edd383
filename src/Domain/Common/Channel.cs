namespace AgentP.Domain.Common;

public enum Channel { Telegram, Whatsapp, Unknown }
