namespace AgentP.Application.Overview;

/// <summary>A salon's settings the bot's value needs (<see cref="BotValue"/>): admin minutes per bot reply, the monthly fee.</summary>
public sealed record BotValueSetting(Guid TenantId, decimal MinutesPerReply, decimal? MonthlyBotFee);
