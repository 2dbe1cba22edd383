using AgentP.Application;
using AgentP.Infrastructure;
using AgentP.Infrastructure.Data;
using AgentP.Web;
using AgentP.Web.Cli;

// `dotnet run --project src/Web -- VERB …` runs a command-line verb; without a verb it serves the dashboard.
var verb = CommandLine.VerbOf(args);

// The host listens for SIGTERM only once it starts; one that lands earlier (while the app builds, reads its keys or
// migrates, on a busy machine for seconds) ended the process with 143. Taken from the first line, it stops the start
// instead, and the process exits 0 as README promises.
using var earlyStop = new CancellationTokenSource();
using var sigterm = verb is null ? System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; earlyStop.Cancel(); }) : null;

var builder = WebApplication.CreateBuilder(verb is null ? args : []);

builder.Services.AddApplicationServices();
builder.Services.AddInfrastructureServices(builder.Configuration);
builder.AddWebServices(isCommandLine: verb is not null);

var app = builder.Build();

if (verb is not null)
    return await CommandLine.RunAsync(app.Services, verb, args[1..]);

// Taken now: RunAsync disposes the host's services before it throws.
var stopping = app.Lifetime.ApplicationStopping;
try
{
    if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentP.Application.Common.DashboardOptions>>().Value.MigrateOnStart)
        await app.Services.MigrateDashboardAsync(earlyStop.Token);
    app.UseWebPipeline();
    await app.RunAsync(earlyStop.Token);
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested || earlyStop.IsCancellationRequested)
{
    // SIGTERM while the host was still starting cancels the start: a stop as asked, not a crash.
}
return 0;

public partial class Program;
