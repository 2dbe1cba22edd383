namespace AgentP.Application.Overview;

/// <summary>A term and the number of dialogs whose clients wrote it.</summary>
public sealed record TermCount(string Term, int Dialogs);
