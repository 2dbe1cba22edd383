namespace AgentP.Domain.Common;

public enum BookingStatus { Created, Confirmed, Completed, Cancelled }
