using AgentP.Application.Platform;

namespace AgentP.Application.Tests;

/// <summary>A salon's place among the platform's salons (issue 24), computed by hand.</summary>
public sealed class SalonPercentilesTests
{
    private static readonly Guid Me = Guid.NewGuid();

    private static SalonFigures Salon(Guid id, long dialogs, long bookings, long escalated, long answered, double responseMs) =>
        new(id, dialogs, bookings, escalated, answered, responseMs);

    private static List<SalonFigures> Platform(int others) =>
    [
        Salon(Me, 10, 5, 1, 10, 30_000), // conversion 50 %, 3 s, containment 90 %, escalations 10 %
        .. Enumerable.Range(0, others).Select(i => Salon(Guid.NewGuid(), 10, i, i, 10, 10_000 * (i + 1))),
    ];

    [Fact]
    public void Each_figure_is_the_share_of_the_other_salons_it_does_strictly_better_than()
    {
        // Others: conversion 0, 10, 20, 30 %; response 1, 2, 3, 4 s; escalations 0, 10, 20, 30 %.
        var p = SalonPercentiles.Of(Me, Platform(4))!;
        Assert.Equal(5, p.Salons);
        Assert.Equal(100, p.Conversion); // 50 % beats all four
        Assert.Equal(25, p.ResponseTime); // 3 s beats only 4 s (a tie with 3 s is not better)
        Assert.Equal(50, p.Containment); // 90 % beats 80 and 70 %, ties with 90, not 100
        Assert.Equal(50, p.EscalationShare); // the same, lower being better
    }

    [Fact]
    public void Fewer_than_five_salons_with_dialogs_give_no_place()
    {
        var salons = Platform(3);
        salons.Add(Salon(Guid.NewGuid(), 0, 0, 0, 0, 0)); // no dialogs: not counted
        Assert.Null(SalonPercentiles.Of(Me, salons));
    }

    [Fact]
    public void A_salon_without_answered_messages_has_no_response_time_place_and_is_left_out_of_the_others()
    {
        var salons = Platform(4);
        salons[1] = salons[1] with { AnsweredMessages = 0, ResponseMsTotal = 0 }; // the 1 s salon answered nothing
        Assert.Equal(33, SalonPercentiles.Of(Me, salons)!.ResponseTime); // beats 4 s of 2, 3, 4 s
        salons[0] = salons[0] with { AnsweredMessages = 0, ResponseMsTotal = 0 };
        Assert.Null(SalonPercentiles.Of(Me, salons)!.ResponseTime);
    }
}
