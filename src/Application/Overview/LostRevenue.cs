using AgentP.Domain.Common;

namespace AgentP.Application.Overview;

/// <summary>
/// The revenue the bot lost at a drop-off stage: the dialogs dropped at it × (bookings ÷ the dialogs that got past it) × the
/// average check. Its drill-down is the dialogs dropped at the stage (<see cref="Dropped"/> of them).
/// </summary>
public sealed record LostRevenue(DropOffStage Stage, long Dropped, decimal Amount);
