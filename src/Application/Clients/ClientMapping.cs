using AgentP.Domain.Bot;
using Mapster;

namespace AgentP.Application.Clients;

/// <summary>How the client pages' read models are projected from the bot's rows (EF translates the projection to SQL).</summary>
public static class ClientMapping
{
    public static readonly TypeAdapterConfig Config = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<ConversationSession, ClientSession>()
            .Map(d => d.Status, s => s.FinalStatus)
            // The bot writes the running summary as it goes and the final one when the dialog ends; either may be missing.
            .Map(d => d.Summary, s => s.Summary ?? s.FinalSummary);
        return config;
    }
}
