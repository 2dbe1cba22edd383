namespace AgentP.Application.Common.Exceptions;

/// <summary>A super_admin asked for one salon's page without picking a salon.</summary>
public sealed class TenantRequiredException() : Exception("Выберите салон.");
