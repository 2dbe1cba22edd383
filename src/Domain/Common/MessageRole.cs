namespace AgentP.Domain.Common;

public enum MessageRole { User, Assistant, Unknown }
