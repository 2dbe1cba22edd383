using System.Text;

namespace AgentP.Application.Dialogs;

/// <summary>
/// The terms of what a client wrote (issue 24, "what clients wrote before they left"): words and two-word phrases of adjacent
/// words, case folded (ё as е), punctuation and digits dropped, Russian and English stop-words and words under three letters
/// left out. Each term once per dialog.
/// </summary>
public static class LeavingWords
{
    public const int MaxTermLength = 120;

    public static IReadOnlySet<string> Terms(IEnumerable<string> messages)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            string? previous = null;
            foreach (var word in Words(message))
            {
                var kept = word.Length >= 3 && !StopWords.Contains(word);
                if (kept) terms.Add(word);
                if (kept && previous is not null && previous.Length + 1 + word.Length <= MaxTermLength) terms.Add(previous + " " + word);
                previous = kept ? word : null; // a phrase is two kept words side by side
            }
        }
        return terms;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetter(c)) { word.Append(c == 'ё' || c == 'Ё' ? 'е' : char.ToLowerInvariant(c)); continue; }
            if (c is '-' or '\'' && word.Length > 0) { word.Append(c); continue; } // "кто-нибудь", "don't"
            if (word.Length > 0) { yield return word.ToString().Trim('-', '\''); word.Clear(); }
        }
        if (word.Length > 0) yield return word.ToString().Trim('-', '\'');
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // Russian
        "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но", "да", "ты", "к", "у",
        "же", "вы", "за", "бы", "по", "только", "ее", "мне", "было", "вот", "от", "меня", "еще", "нет", "о", "из", "ему", "теперь", "когда",
        "даже", "ну", "вдруг", "ли", "если", "уже", "или", "ни", "быть", "был", "него", "до", "вас", "нибудь", "опять", "уж", "вам", "ведь",
        "там", "потом", "себя", "ничего", "ей", "может", "они", "тут", "где", "есть", "надо", "ней", "для", "мы", "тебя", "их", "чем", "была",
        "сам", "чтоб", "без", "будто", "чего", "раз", "тоже", "себе", "под", "будет", "ж", "тогда", "кто", "этот", "того", "потому", "этого",
        "какой", "совсем", "ним", "здесь", "этом", "один", "почти", "мой", "тем", "чтобы", "нее", "сейчас", "были", "куда", "зачем", "всех",
        "никогда", "можно", "при", "наконец", "два", "об", "другой", "хоть", "после", "над", "больше", "тот", "через", "эти", "нас", "про",
        "всего", "них", "какая", "много", "разве", "три", "эту", "моя", "впрочем", "хорошо", "свою", "этой", "перед", "иногда", "лучше",
        "чуть", "том", "нельзя", "такой", "им", "более", "всегда", "конечно", "всю", "между", "это", "мои", "ваш", "ваша", "ваши", "вашего",
        "здравствуйте", "привет", "добрый", "день", "спасибо", "пожалуйста", "хочу", "хотела", "хотел", "хотелось", "бы", "подскажите",
        "скажите", "можно", "ок", "окей", "ага", "угу", "какие", "какое", "каких", "есть", "нужно", "очень", "вечер", "утро",
        // English
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out", "has", "have",
        "him", "his", "how", "its", "may", "who", "did", "yes", "she", "too", "use", "with", "that", "this", "from", "they", "will",
        "would", "there", "their", "what", "about", "which", "when", "your", "were", "been", "into", "than", "then", "them", "these",
        "some", "could", "just", "like", "want", "please", "thanks", "thank", "hello", "don't", "i'm", "it's", "can't",
    };
}
