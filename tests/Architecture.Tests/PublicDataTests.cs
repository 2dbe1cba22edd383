using AgentP.Application.Sessions;
using AgentP.Architecture.Tests.BrokenSamples;

namespace AgentP.Architecture.Tests;

public sealed class PublicDataTests
{
    private static readonly IReadOnlyList<Type> Inspected = Layers.TypesOf(Layers.Application, Layers.Infrastructure, Layers.Web);

    [Fact]
    public void Nothing_that_reaches_the_public_data_runs_raw_sql()
    {
        Layers.AssertNone(PublicDataRules.RawSqlBesidePublicData(Inspected), "Types reaching IPublicData/PublicReadOnlyDbContext that run raw SQL");
    }

    [Fact]
    public void The_public_data_rule_sees_handlers_that_read_the_public_data()
    {
        // The same walk as the rule above, on a handler known to read through IPublicData: the rule is not vacuous.
        using var bodies = new MethodBodies();
        Assert.True(MethodBodies.Mentions(bodies.Definition(typeof(SessionQueries)), // the sessions list's and export's reads
            new HashSet<string> { typeof(AgentP.Application.Common.Interfaces.IPublicData).FullName! }));
    }

    [Fact]
    public void The_raw_sql_rule_reports_raw_sql_on_the_public_context()
    {
        var violations = PublicDataRules.RawSqlBesidePublicData(Layers.BrokenSamples);
        Layers.AssertReports(violations, typeof(RawSqlOnThePublicContext));
        Layers.AssertDoesNotReport(violations, typeof(RawSqlOnTheDashboardContext));
    }

    [Fact]
    public void No_bulk_update_or_delete_targets_a_bot_table()
    {
        Layers.AssertNone(PublicDataRules.BulkWritesToBotTables(Inspected), "Bulk writes to the bot's tables");
    }

    [Fact]
    public void The_bot_table_rule_reports_bulk_writes_to_bot_entities_only()
    {
        var violations = PublicDataRules.BulkWritesToBotTables(Layers.BrokenSamples);
        Layers.AssertReports(violations, typeof(DeletesThroughPublicDataAsync));
        Layers.AssertReports(violations, typeof(UpdatesThroughPublicDataInALambda));
        Layers.AssertDoesNotReport(violations, typeof(RawSqlOnTheDashboardContext));
    }
}
