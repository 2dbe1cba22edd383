namespace AgentP.Application.Bookings;

public enum YclientsOutcome { Found, NotFound, Failed }
