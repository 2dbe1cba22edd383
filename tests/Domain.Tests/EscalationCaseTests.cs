using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;

namespace AgentP.Domain.Tests;

public sealed class EscalationCaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static EscalationCase Case() => EscalationCase.Open(Guid.NewGuid(), Guid.NewGuid(), 1, T0, "complaint", T0);

    [Fact]
    public void An_open_case_takes_every_later_escalation_of_the_client_without_resetting_the_wait()
    {
        var c = Case();
        Assert.True(c.Takes(T0.AddDays(3)));
        c.Add(2, T0.AddDays(3), "price", T0.AddDays(3));
        Assert.Equal((EscalationStatus.Active, 0, T0, 2L, "price"), (c.Status, c.ReopenCount, c.WaitingSince!.Value, c.SessionId!.Value, c.EscalationReason));
    }

    [Fact]
    public void A_resolved_case_reopens_within_24_hours_of_its_resolution_and_waits_from_the_new_escalation()
    {
        var c = Case();
        Assert.True(c.Resolve("перезвонили", 7, T0.AddHours(1)));
        Assert.True(c.Takes(T0.AddHours(25)));
        c.Add(2, T0.AddHours(25), null, T0.AddHours(25));
        Assert.Equal((EscalationStatus.Active, 1, T0.AddHours(25), (DateTimeOffset?)null, (string?)null, "complaint"),
            (c.Status, c.ReopenCount, c.WaitingSince!.Value, c.ClosedAt, c.ClosureReason, c.EscalationReason));
    }

    [Fact]
    public void A_case_resolved_more_than_24_hours_before_does_not_take_the_escalation()
    {
        var c = Case();
        c.Resolve("перезвонили", 7, T0.AddHours(1));
        Assert.False(c.Takes(T0.AddHours(25).AddMinutes(1)));
        Assert.Throws<InvalidOperationException>(() => c.Add(2, T0.AddHours(26), null, T0.AddHours(26)));
    }

    [Fact]
    public void Resolving_twice_keeps_the_first_resolution()
    {
        var c = Case();
        Assert.True(c.Resolve("первая", 7, T0.AddHours(1)));
        Assert.False(c.Resolve("вторая", 8, T0.AddHours(2)));
        Assert.Equal(("первая", 7L, T0.AddHours(1)), (c.ClosureReason!, c.ClosedBy!.Value, c.ClosedAt!.Value));
    }

    [Fact]
    public void An_earlier_dialog_arriving_late_does_not_replace_the_latest_one()
    {
        var c = Case();
        c.Add(5, T0.AddHours(-2), "old", T0);
        Assert.Equal((1L, T0, "complaint"), (c.SessionId!.Value, c.LastMessageAt!.Value, c.EscalationReason!));
    }
}
