using AgentP.Infrastructure.Data;
using Microsoft.AspNetCore.Http;
using Npgsql;

// Deliberately broken: each type breaks one rule so that rule's test can show it reports it. Never used at run time.
namespace AgentP.Architecture.Tests.BrokenSamples;

/// <summary>An Application-style type holding the Infrastructure context: breaks "Application references no Infrastructure".</summary>
public sealed class UseCaseOnTheInfrastructureContext(DashboardDbContext db)
{
    public DashboardDbContext Db => db;
}

/// <summary>Opens its own Npgsql connection: breaks "Application knows no database driver".</summary>
public sealed class UseCaseOnNpgsql
{
    public static NpgsqlConnection Open(string connectionString) => new(connectionString);
}

/// <summary>Reads the HTTP request: breaks "Application knows no web framework".</summary>
public sealed class UseCaseOnTheHttpContext
{
    public static string? Path(HttpContext context) => context.Request.Path.Value;
}
