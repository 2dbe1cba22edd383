using AgentP.Application.Dialogs;

namespace AgentP.Application.Tests;

/// <summary>The terms of "what clients wrote before they left" (issue 24), by hand.</summary>
public sealed class LeavingWordsTests
{
    [Fact]
    public void Words_and_adjacent_pairs_are_folded_and_stop_words_left_out()
    {
        var terms = LeavingWords.Terms(["Слишком ДОРОГО, а есть окно в субботу?", "Ещё дорого!!! Don't know the price"]);
        Assert.Equal(
            ["know", "price", "дорого", "окно", "слишком", "слишком дорого", "субботу"], // "know the price": no pair across a stop-word
            terms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Yo_reads_as_ye_and_words_under_three_letters_go()
    {
        Assert.Equal(["елка", "елка зеленая", "зеленая"], LeavingWords.Terms(["ЁЛКА зелёная"]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("ок", LeavingWords.Terms(["ок да 12 ок"]));
    }
}
