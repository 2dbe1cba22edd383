namespace AgentP.Application.Bookings;

/// <summary>Whether a salon's bookings can be checked in YClients, and if not, what is missing.</summary>
public enum YclientsState { Connected, NoPartnerToken, NoCompany, NoToken }
