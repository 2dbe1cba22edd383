using System.Diagnostics;

namespace AgentP.TestSupport;

/// <summary>Runs the dashboard's command line as its own process against a test database, as an operator would.</summary>
public static class Cli
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase db, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentP.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Dashboard"] = db.AppConnectionString;
        start.Environment["DATABASE_URL"] = "";
        foreach (var (name, value) in TestCertificate.Environment()) start.Environment[name] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
