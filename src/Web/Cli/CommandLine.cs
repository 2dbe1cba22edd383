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
          help, --help    show this text

        Configuration: ConnectionStrings__Dashboard or DATABASE_URL (see README.md).
        """;

    private static readonly string[] Verbs = ["migrate", "create-user", "help", "--help", "-h"];

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
        Guid? tenant = null;
        if (options.Get("tenant") is { } tenantText)
            tenant = Guid.TryParse(tenantText, out var id) ? id : throw new UsageException($"--tenant '{tenantText}' is not a UUID.");

        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var command = new CreateUser(options.Require("email"), options.Require("password"), options.Require("role"), tenant,
            options.Get("first-name"), options.Get("last-name"));
        var userId = await mediator.Send(command);
        Console.WriteLine($"Created {command.Role} {command.Email.Trim().ToLowerInvariant()} (id {userId}).");
        return Ok;
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

        public string Require(string name) => Get(name) ?? throw new UsageException($"--{name} is required.");
    }
}
