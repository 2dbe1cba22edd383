namespace AgentP.Domain.Common;

public enum DropOffStage { ServiceSelection, StaffSelection, DateSelection, TimeSelection }
