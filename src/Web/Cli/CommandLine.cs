using AgentP.Application.Bookings;
using AgentP.Application.Clients;
using AgentP.Application.Dialogs;
using AgentP.Application.Metrics;
using AgentP.Application.Users;
using AgentP.Infrastructure.Data;
using FluentValidation;
using MediatR;

namespace AgentP.Web.Cli;

/// <summary>The command-line verbs: <c>dotnet run --project src/Web -- VERB [options]</c>.</summary>
public static class CommandLine
{
    private const int Ok = 0, Failed = 1, InvalidInput = 2, Usage = 64;

    private const string Help = """
        Agent P Dashboard

        Usage: dotnet run --project src/Web -- [VERB] [options]
               (without a verb the dashboard is served on http://localhost:$APP_PORT, default 8080)

        Verbs:
          migrate         apply pending migrations to the dashboard schema
          create-user     create a dashboard user
                            --email E --password P --role super_admin|admin|staff
                            [--tenant UUID]      required for admin and staff
                            [--first-name N] [--last-name N]
          collect-metrics collect daily metrics for salon-local days (idempotent; a backfill sends no digests)
                            --from yyyy-MM-dd --to yyyy-MM-dd [--tenant UUID]
          verify-bookings ask YClients what became of the bot's past bookings (as the hourly job does)
                            [--tenant UUID] [--from yyyy-MM-dd --to yyyy-MM-dd]   booking days; default the last 14 days
          index-dialogs   derive the bot's new dialogs' facts (client, response times) once (as the job does every minute)
          help, --help    show this text

        Configuration: ConnectionStrings__Dashboard or DATABASE_URL (see README.md).
        """;

    private static readonly string[] Verbs = ["migrate", "create-user", "collect-metrics", "verify-bookings", "index-dialogs", "help", "--help", "-h"];

    /// <summary>The verb in <paramref name="args"/>, or null to serve the web app (server options like --urls included).</summary>
    public static string? VerbOf(string[] args) =>
        args.Length == 0 ? null
        : Verbs.Contains(args[0]) ? args[0]
        : args[0].StartsWith('-') ? null
        : args[0];

    public static async Task<int> RunAsync(IServiceProvider services, string verb, string[] args)
    {
        try
        {
            switch (verb)
            {
                case "help" or "--help" or "-h":
                    Console.WriteLine(Help);
                    return Ok;
                case "migrate":
                    var applied = await services.MigrateDashboardAsync();
                    Console.WriteLine(applied.Count == 0 ? "The dashboard schema is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
                    return Ok;
                case "create-user":
                    return await CreateUserAsync(services, Options.Parse(args));
                case "collect-metrics":
                    return await CollectMetricsAsync(services, Options.Parse(args));
                case "verify-bookings":
                    return await VerifyBookingsAsync(services, Options.Parse(args));
                case "index-dialogs":
                    return await IndexDialogsAsync(services, Options.Parse(args));
                default:
                    Console.Error.WriteLine($"Unknown verb '{verb}'. Run with --help to see the verbs.");
                    return Usage;
            }
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Run with --help to see the usage.");
            return Usage;
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine($"error: {error.ErrorMessage}");
            return InvalidInput;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }

    private static async Task<int> CreateUserAsync(IServiceProvider services, Options options)
    {
        var tenant = options.Tenant();

        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var command = new CreateUser(options.Require("email"), options.Require("password"), options.Require("role"), tenant,
            options.Get("first-name"), options.Get("last-name"));
        var userId = await mediator.Send(command);
        Console.WriteLine($"Created {command.Role} {command.Email.Trim().ToLowerInvariant()} (id {userId}).");
        return Ok;
    }

    private static async Task<int> CollectMetricsAsync(IServiceProvider services, Options options)
    {
        var from = options.RequireDate("from");
        var to = options.RequireDate("to");
        var tenant = options.Tenant();

        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        Console.WriteLine($"Collecting daily metrics {from:yyyy-MM-dd} … {to:yyyy-MM-dd}{(tenant is null ? " for every active salon" : $" for salon {tenant}")}");
        var progress = new SynchronousProgress<MetricsChunk>(c => Console.WriteLine(
            $"  [{c.Done,3}/{c.Total}] {Bar(c.Done, c.Total)} {c.From:yyyy-MM-dd} … {c.To:yyyy-MM-dd}  {c.Rows,6} rows  {c.Elapsed.TotalSeconds,6:F2} s"));
        var result = await mediator.Send(new CollectDailyMetrics(from, to, tenant, progress));
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"error: the chunk from {result.FailedFrom:yyyy-MM-dd} failed and was rolled back: {result.Error}");
            Console.Error.WriteLine($"The {result.Days} day(s) before it are saved; rerun with --from {result.FailedFrom:yyyy-MM-dd}.");
            return Failed;
        }
        Console.WriteLine($"Done: {result.Days} day(s) × {result.Tenants} salon(s) = {result.Rows} row(s) in {result.Elapsed.TotalSeconds:F2} s.");
        return Ok;
    }

    private static async Task<int> VerifyBookingsAsync(IServiceProvider services, Options options)
    {
        var tenant = options.Tenant();
        DateOnly? from = options.Get("from") is null ? null : options.RequireDate("from");
        DateOnly? to = options.Get("to") is null ? null : options.RequireDate("to");
        if ((from is null) != (to is null)) throw new UsageException("Give both --from and --to, or neither.");
        if (from > to)
        {
            Console.Error.WriteLine($"error: --from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}.");
            return InvalidInput;
        }

        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        Console.WriteLine($"Verifying bookings with YClients{(from is null ? " (last 14 days)" : $" {from:yyyy-MM-dd} … {to:yyyy-MM-dd}")}" +
                          (tenant is null ? " for every active salon" : $" for salon {tenant}"));
        var result = await mediator.Send(new VerifyBookings(tenant, from, to, new SynchronousProgress<string>(line => Console.WriteLine("  " + line))));
        if (tenant is not null && result.Salons.Count == 0)
        {
            Console.Error.WriteLine($"error: no active salon {tenant}.");
            return InvalidInput;
        }
        foreach (var salon in result.Salons)
            foreach (var error in salon.Errors) Console.Error.WriteLine($"  {salon.Name}: {error}");
        var connected = result.Salons.Count(s => s.Connected);
        Console.WriteLine($"Done: {result.Checked} booking(s) checked in {connected} connected salon(s) of {result.Salons.Count}, {result.Failed} failed.");
        return result.Failed > 0 ? Failed : Ok;
    }

    private static async Task<int> IndexDialogsAsync(IServiceProvider services, Options options)
    {
        options.RequireNone();
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        Console.WriteLine("Indexing the bot's dialogs (client, response times)");
        var result = await mediator.Send(new IndexDialogs(new SynchronousProgress<int>(n => Console.WriteLine($"  {n,9} dialog(s) indexed"))));
        Console.WriteLine($"Done: {result.Added} dialog(s) added in {result.Elapsed.TotalSeconds:F2} s; indexed up to id {result.IndexedUpTo}" +
                          $" (dialogs younger than {IndexDialogs.Settle.TotalMinutes:F0} min wait for the next run and are read live meanwhile).");
        Console.WriteLine($"Client index: {result.ClientsIndexed} changed client and memory row(s) read.");
        return Ok;
    }

    private static string Bar(int done, int total)
    {
        const int width = 20;
        var filled = total == 0 ? width : done * width / total;
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class UsageException(string message) : Exception(message);

    /// <summary><c>--name value</c> pairs.</summary>
    private sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
                    throw new UsageException($"Unexpected argument '{args[i]}'.");
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new UsageException($"{args[i]} needs a value.");
                values[args[i][2..]] = args[++i];
            }
            return new Options(values);
        }

        public string? Get(string name) => values.GetValueOrDefault(name);

        public void RequireNone()
        {
            if (values.Count > 0) throw new UsageException($"Unexpected option --{values.Keys.First()}.");
        }

        public string Require(string name) => Get(name) ?? throw new UsageException($"--{name} is required.");

        public Guid? Tenant() => Get("tenant") is { } text
            ? Guid.TryParse(text, out var id) ? id : throw new UsageException($"--tenant '{text}' is not a UUID.")
            : null;

        public DateOnly RequireDate(string name) =>
            DateOnly.TryParseExact(Require(name), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date)
                ? date
                : throw new UsageException($"--{name} '{Get(name)}' is not a date like 2026-10-31.");
    }
}
