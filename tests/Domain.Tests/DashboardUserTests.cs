using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;

namespace AgentP.Domain.Tests;

public sealed class DashboardUserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static DashboardUser Admin() => DashboardUser.Create(" Owner@Salon.RU ", "hash", Role.Admin, Guid.NewGuid(), Now);

    [Fact]
    public void The_email_is_stored_trimmed_and_lower_case()
    {
        Assert.Equal("owner@salon.ru", Admin().Email);
    }

    [Fact]
    public void Names_are_trimmed_and_a_blank_name_is_no_name_on_create_and_on_update()
    {
        var user = DashboardUser.Create("a@salon.ru", "hash", Role.Staff, Guid.NewGuid(), Now, "  Анна ", "   ");
        Assert.Equal(("Анна", (string?)null), (user.FirstName, user.LastName));

        user.Update(" ", " Петрова ", Role.Staff, Now);
        Assert.Equal(((string?)null, "Петрова"), (user.FirstName, user.LastName));
        Assert.Equal("Петрова", user.DisplayName);
    }

    [Theory]
    [InlineData(Role.Admin, false)]
    [InlineData(Role.Staff, false)]
    [InlineData(Role.SuperAdmin, true)]
    public void Salon_roles_need_a_salon_and_the_super_admin_has_none(Role role, bool withSalon)
    {
        Assert.Throws<ArgumentException>(() => DashboardUser.Create("a@b.ru", "hash", role, withSalon ? Guid.NewGuid() : null, Now));
    }

    [Fact]
    public void Password_change_and_deactivation_invalidate_existing_sign_ins()
    {
        var user = Admin();
        var stamp = user.SecurityStamp;
        user.ChangePassword("new-hash", Now);
        Assert.NotEqual(stamp, user.SecurityStamp);

        stamp = user.SecurityStamp;
        user.Deactivate(Now);
        Assert.False(user.Active);
        Assert.NotEqual(stamp, user.SecurityStamp);
    }

    [Fact]
    public void A_password_change_and_a_deactivation_void_the_reset_link()
    {
        var user = Admin();
        user.StartPasswordReset("token-hash", Now);
        user.ChangePassword("new-hash", Now);
        Assert.False(user.ResetLinkValid(Now));

        user.StartPasswordReset("token-hash-2", Now);
        user.Deactivate(Now);
        user.Activate(Now);
        Assert.False(user.ResetLinkValid(Now));
    }

    [Fact]
    public void The_display_name_falls_back_to_the_email()
    {
        Assert.Equal("owner@salon.ru", Admin().DisplayName);
        Assert.Equal("Вера Лаврова", DashboardUser.Create("v@l.ru", "h", Role.SuperAdmin, null, Now, "Вера", "Лаврова").DisplayName);
    }
}
