using AgentP.Architecture.Tests.BrokenSamples;
using AgentP.Web.Pages;

namespace AgentP.Architecture.Tests;

/// <summary>Every page is one request, and no handler sends another (issue 16), each rule also shown failing on a broken sample.</summary>
public sealed class SendTests
{
    private static readonly IReadOnlyList<Type> Pages = Layers.TypesOf(Layers.Web).Where(PageRules.IsPageOrViewComponent).ToList();

    [Fact]
    public void Every_page_handler_and_view_component_sends_one_request()
    {
        Assert.Contains(typeof(IndexModel), Pages); // the Overview: its one request goes through FilterPageModel.QueryAsync
        Layers.AssertNone(SendRules.PageHandlersSendingMoreThanOneRequest(Pages), "Page handlers sending more than one request");
    }

    [Fact]
    public void The_one_request_rule_sees_the_real_pages_sends()
    {
        // Not vacuous on the real pages: the Overview's OnGet sends through FilterPageModel.QueryAsync, an async generic method of
        // the base class, and is seen to send the report; Settings' form sends its command and, refused, the page's query again.
        var overview = SendRules.Sends(typeof(IndexModel));
        Assert.Equal([typeof(AgentP.Application.Overview.OverviewReport).FullName!], overview["OnGetAsync"]);
        var settings = SendRules.Sends(typeof(AgentP.Web.Pages.Settings.IndexModel));
        Assert.Equal([typeof(AgentP.Application.Settings.SettingsView).FullName!], settings["OnGetAsync"]);
        Assert.Equal(2, settings["OnPostAsync"].Count);
        Assert.Contains(typeof(AgentP.Application.Settings.SettingsView).FullName!, settings["OnPostAsync"]);
        var users = SendRules.Sends(typeof(AgentP.Web.Pages.Users.IndexModel));
        Assert.Equal([typeof(AgentP.Application.Users.UserList).FullName!], users["OnGetAsync"]); // through the private LoadAsync
        Assert.Equal(2, users["OnPostCreateAsync"].Count);
        Assert.Single(SendRules.Sends(typeof(AgentP.Web.ViewComponents.NavBadgeViewComponent))["InvokeAsync"]);
    }

    [Fact]
    public void The_one_request_rule_reports_pages_and_view_components_sending_two()
    {
        var violations = SendRules.PageHandlersSendingMoreThanOneRequest(Layers.BrokenSamples);
        Assert.True(violations.Any(v => v.StartsWith(typeof(PageSendingTwoQueriesOnGet).FullName + ": OnGetAsync sends 2 requests", StringComparison.Ordinal)
                                         && v.Contains("LoadChoicesAsync", StringComparison.Ordinal)), string.Join("\n", violations));
        Assert.Contains(violations, v => v.StartsWith(typeof(PageSendingTwoCommandsOnPost).FullName + ": OnPostAsync sends two requests", StringComparison.Ordinal));
        Layers.AssertReports(violations, typeof(ViewComponentSendingInALambda));
        Layers.AssertReports(violations, typeof(PageHandingTheMediatorAway));
        Assert.True(violations.Any(v => v.StartsWith(typeof(PageSendingInItsFilter).FullName + ": OnGet sends 2 requests", StringComparison.Ordinal)), string.Join("\n", violations));
        Assert.True(violations.Any(v => v.StartsWith(typeof(PageSendingInItsFilter).FullName + ": OnPageHandlerExecutionAsync sends 2 requests", StringComparison.Ordinal)), string.Join("\n", violations));
        Layers.AssertDoesNotReport(violations, typeof(PageSendingOnePerHandler));
        Layers.AssertDoesNotReport(violations, typeof(ThinPageModel));
    }

    [Fact]
    public void No_application_type_sends_a_request_or_takes_a_handler()
    {
        Layers.AssertNone(SendRules.HandlersReachingTheMediator(Layers.TypesOf(Layers.Application), SendRules.Registrations.Keys.ToList()),
            "Application types reaching the mediator");
        var names = Layers.TypesOf(Layers.Application).Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        Layers.AssertNone(SendRules.Registrations.Keys.Where(n => !names.Contains(n)).ToList(), "Registrations named but not found");
    }

    [Fact]
    public void The_no_send_rule_reports_a_handler_taking_the_mediator_or_another_handler()
    {
        var violations = SendRules.HandlersReachingTheMediator(Layers.BrokenSamples, [typeof(RegistersTheMediator).FullName!, .. SendRules.Registrations.Keys]);
        Layers.AssertReports(violations, typeof(HandlerConstructingAHandler));
        // A type that merely shares the registration's simple name is not let through.
        Layers.AssertReports(violations, typeof(BrokenSamples.DependencyInjection));
        Layers.AssertReports(violations, typeof(HandlerSendingAnotherRequest));
        Layers.AssertReports(violations, typeof(HandlerCallingAnotherHandler));
        Layers.AssertDoesNotReport(violations, typeof(HandlerOnAPort));
        Layers.AssertDoesNotReport(violations, typeof(RegistersTheMediator));
    }
}
