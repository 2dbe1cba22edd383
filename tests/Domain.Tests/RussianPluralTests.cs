using AgentP.Domain.Common;

namespace AgentP.Domain.Tests;

public sealed class RussianPluralTests
{
    [Theory]
    [InlineData(0, "0 диалогов")]
    [InlineData(1, "1 диалог")]
    [InlineData(2, "2 диалога")]
    [InlineData(5, "5 диалогов")]
    [InlineData(11, "11 диалогов")]
    [InlineData(12, "12 диалогов")]
    [InlineData(21, "21 диалог")]
    [InlineData(22, "22 диалога")]
    [InlineData(25, "25 диалогов")]
    [InlineData(111, "111 диалогов")]
    [InlineData(101, "101 диалог")]
    public void A_number_takes_its_form(long count, string expected) =>
        Assert.Equal(expected, RussianPlural.Count(count, "диалог", "диалога", "диалогов"));
}
