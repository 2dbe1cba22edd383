namespace AgentP.Application.Common.Exceptions;

/// <summary>Unknown or not yours: both answer 404, so a foreign id does not reveal that the row exists.</summary>
public sealed class NotFoundException(string message = "Не найдено.") : Exception(message);

/// <summary>Signed in, but the role may not do this (403).</summary>
public sealed class ForbiddenAccessException(string message = "Недостаточно прав.") : Exception(message);

/// <summary>Someone else changed the row between reading and saving it; nothing was saved (409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>A super_admin asked for one salon's page without picking a salon.</summary>
public sealed class TenantRequiredException() : Exception("Выберите салон.");
