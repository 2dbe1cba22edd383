using AgentP.Application;
using AgentP.Infrastructure;
using AgentP.Infrastructure.Data;
using AgentP.Web;
using AgentP.Web.Cli;

// `dotnet run --project src/Web -- VERB …` runs a command-line verb; without a verb it serves the dashboard.
var verb = CommandLine.VerbOf(args);
var builder = WebApplication.CreateBuilder(verb is null ? args : []);

builder.Services.AddApplicationServices();
builder.Services.AddInfrastructureServices(builder.Configuration);
builder.AddWebServices(isCommandLine: verb is not null);

var app = builder.Build();

if (verb is not null)
    return await CommandLine.RunAsync(app.Services, verb, args[1..]);

if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentP.Application.Common.DashboardOptions>>().Value.MigrateOnStart)
    await app.Services.MigrateDashboardAsync();

app.UseWebPipeline();
// Taken now: RunAsync disposes the host's services before it throws.
var stopping = app.Lifetime.ApplicationStopping;
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // SIGTERM while the host was still starting cancels the start: a stop as asked, not a crash.
}
return 0;

public partial class Program;
