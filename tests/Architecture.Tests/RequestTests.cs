using AgentP.Application.Auth;
using AgentP.Architecture.Tests.BrokenSamples;

namespace AgentP.Architecture.Tests;

public sealed class RequestTests
{
    private static readonly IReadOnlyList<Type> Requests = Layers.TypesOf(Layers.Application).Where(RequestRules.IsRequest).ToList();

    [Fact]
    public void Every_request_is_authorized_or_named_as_anonymous_or_system()
    {
        Assert.Contains(typeof(AgentP.Application.Auth.SignIn), Requests); // the selection sees the requests at all
        Layers.AssertNone(RequestRules.Unauthorized(Requests, RequestRules.Anonymous.Keys.ToList()), "Requests open to anyone");
    }

    [Fact]
    public void Every_request_named_as_anonymous_exists()
    {
        // A renamed request leaves a stale name behind; the list should say exactly what is open.
        var names = Requests.Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        Layers.AssertNone(RequestRules.Anonymous.Keys.Where(n => !names.Contains(n)).ToList(), "Anonymous requests named but not found");
    }

    [Fact]
    public void The_authorization_rule_reports_a_request_with_neither_attribute_nor_system_marker()
    {
        var violations = RequestRules.Unauthorized(Layers.BrokenSamples, [typeof(NamedAnonymousRequest).FullName!, .. RequestRules.Anonymous.Keys]);
        Layers.AssertReports(violations, typeof(UnguardedRequest));
        Layers.AssertDoesNotReport(violations, typeof(AuthorizedRequest));
        Layers.AssertDoesNotReport(violations, typeof(InheritsAuthorizationRequest));
        Layers.AssertDoesNotReport(violations, typeof(SystemJobRequest));
        Layers.AssertDoesNotReport(violations, typeof(NamedAnonymousRequest));
        // A request that merely shares an allowed name (SignIn) in another namespace is not let through.
        Layers.AssertReports(violations, typeof(BrokenSamples.SignIn));
    }

    [Fact]
    public void Every_request_declares_its_scope_or_is_named_as_unscoped()
    {
        Layers.AssertNone(RequestRules.WithoutScope(Requests, RequestRules.Unscoped.Keys.ToList()), "Requests without a tenant scope");
        var names = Requests.Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        Layers.AssertNone(RequestRules.Unscoped.Keys.Where(n => !names.Contains(n)).ToList(), "Unscoped requests named but not found");
    }

    [Fact]
    public void The_scope_rule_reports_a_request_that_declares_none()
    {
        var violations = RequestRules.WithoutScope(Layers.BrokenSamples, [typeof(NamedAnonymousRequest).FullName!, typeof(UnguardedRequest).FullName!,
            typeof(AuthorizedRequest).FullName!, typeof(InheritsAuthorizationRequest).FullName!, .. RequestRules.Unscoped.Keys]);
        Layers.AssertReports(violations, typeof(BrokenSamples.SignIn));
        Layers.AssertReports(violations, typeof(UnscopedReadRequest));
        Layers.AssertDoesNotReport(violations, typeof(OneSalonRequest));
        Layers.AssertDoesNotReport(violations, typeof(PlatformRequest));
        Layers.AssertDoesNotReport(violations, typeof(SystemJobRequest));
    }
}
