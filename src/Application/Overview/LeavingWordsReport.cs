using AgentP.Domain.Common;

namespace AgentP.Application.Overview;

/// <summary>
/// What clients wrote before they left (issue 24): for the dialogs of the range with a drop-off stage, per stage, the most
/// frequent terms (<see cref="Dialogs.LeavingWords"/>), each with how many of those dialogs used it.
/// </summary>
public sealed record LeavingWordsReport(IReadOnlyList<StageWords> Stages)
{
    public const int TermsPerStage = 10;
}
