using AgentP.Domain.Common;

namespace AgentP.Application.Overview;

/// <summary>A drop-off stage's most frequent terms, most dialogs first.</summary>
public sealed record StageWords(DropOffStage Stage, IReadOnlyList<TermCount> Terms);
