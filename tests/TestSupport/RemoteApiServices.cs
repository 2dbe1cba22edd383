using AgentP.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentP.TestSupport;

/// <summary>
/// The app's own registration of its infrastructure, from settings named as in production: a remote API's client comes
/// with the HTTP pipeline that retries it, and every log line of every category is captured.
/// </summary>
public static class RemoteApiServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, CapturingLogs logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddInfrastructureServices(configuration)
            .BuildServiceProvider();
    }
}
