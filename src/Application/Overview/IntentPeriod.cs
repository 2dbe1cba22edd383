namespace AgentP.Application.Overview;

/// <summary>A period of <see cref="IntentTrend"/>: its days within the range and its dialogs per intent, in the trend's order.</summary>
public sealed record IntentPeriod(DateOnly From, DateOnly To, bool Partial, IReadOnlyList<long> Counts);
