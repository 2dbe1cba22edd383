using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web;

/// <summary>Where a form sends the user back to: the one rule for every redirect target a request names.</summary>
public static class RedirectTarget
{
    private const int MaxLength = 2048;

    /// <summary>
    /// <paramref name="returnUrl"/> when it is a path on this site, else <paramref name="fallback"/>. A Location header
    /// carries printable ASCII only (Kestrel answers 500 for anything else), so other characters — a «¿» a scanner sent,
    /// Cyrillic in a search — go percent-encoded as UTF-8, as a browser would send them; a control character or a target
    /// longer than any page of ours refuses the target.
    /// </summary>
    public static string Local(IUrlHelper url, string? returnUrl, string fallback)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > MaxLength || !url.IsLocalUrl(returnUrl) || returnUrl.Any(char.IsControl))
            return fallback;
        var target = new StringBuilder(returnUrl.Length);
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune.IsAscii) target.Append((char)rune.Value);
            else foreach (var b in Encoding.UTF8.GetBytes(rune.ToString())) target.Append('%').Append(b.ToString("X2"));
        }
        return target.ToString();
    }
}
