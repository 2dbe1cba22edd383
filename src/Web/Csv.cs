using System.Text;

namespace AgentP.Web;

/// <summary>CSV for Excel: semicolon-separated, UTF-8 with a BOM, fields quoted when they need it.</summary>
public static class Csv
{
    /// <summary>A text field: quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ is
    /// neutralised so a spreadsheet never runs a bot-written text as a formula.</summary>
    public static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static byte[] Utf8WithBom(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
}
