namespace AgentP.Application.Common.Exceptions;

/// <summary>Signed in, but the role may not do this (403).</summary>
public sealed class ForbiddenAccessException(string message = "Недостаточно прав.") : Exception(message);
