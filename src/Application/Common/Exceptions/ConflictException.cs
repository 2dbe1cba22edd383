namespace AgentP.Application.Common.Exceptions;

/// <summary>Someone else changed the row between reading and saving it; nothing was saved (409).</summary>
public sealed class ConflictException(string message) : Exception(message);
