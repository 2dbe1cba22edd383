namespace AgentP.Domain.Common;

public enum Role { SuperAdmin, Admin, Staff }
