namespace AgentP.Application.Escalations;

/// <summary>A resolved case of a salon with an answer target: when it closed, and whether within the target (<see cref="AnswerTargets"/>).</summary>
public sealed record ResolvedCase(Guid TenantId, DateTimeOffset ClosedAt, bool OnTime);
