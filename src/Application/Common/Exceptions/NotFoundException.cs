namespace AgentP.Application.Common.Exceptions;

/// <summary>Unknown or not yours: both answer 404, so a foreign id does not reveal that the row exists.</summary>
public sealed class NotFoundException(string message = "Не найдено.") : Exception(message);
