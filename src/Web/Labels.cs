using AgentP.Domain.Common;

namespace AgentP.Web;

/// <summary>The Russian names (localization keys) of the bot's codes, and the badge colour of each status.</summary>
public static class Labels
{
    public static string Status(SessionStatus status) => status switch
    {
        SessionStatus.Done => "Завершён",
        SessionStatus.Dropped => "Брошен",
        SessionStatus.Escalated => "Эскалация",
        _ => "Неизвестно",
    };

    public static string StatusBadge(SessionStatus status) => status switch
    {
        SessionStatus.Done => "text-bg-success",
        SessionStatus.Dropped => "text-bg-warning",
        SessionStatus.Escalated => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string Channel(Channel channel) => channel switch
    {
        Domain.Common.Channel.Telegram => "Telegram",
        Domain.Common.Channel.Whatsapp => "WhatsApp",
        _ => "—",
    };

    public static string Sentiment(Sentiment? sentiment) => sentiment switch
    {
        Domain.Common.Sentiment.Positive => "Позитив",
        Domain.Common.Sentiment.Neutral => "Нейтрально",
        Domain.Common.Sentiment.Negative => "Негатив",
        _ => "—",
    };

    public static string Stage(DropOffStage? stage) => stage switch
    {
        DropOffStage.ServiceSelection => "Выбор услуги",
        DropOffStage.StaffSelection => "Выбор мастера",
        DropOffStage.DateSelection => "Выбор даты",
        DropOffStage.TimeSelection => "Выбор времени",
        _ => "—",
    };

    public static string Duration(int? seconds) => seconds switch
    {
        null or < 0 => "—",
        < 60 => $"{seconds}\u00A0с",
        _ => $"{seconds / 60}\u00A0мин {seconds % 60:00}\u00A0с",
    };

    public static string WishlistStatus(string code) => code switch
    {
        "pending" => "Ждёт",
        "contacted" => "Связались",
        "converted" => "Записан",
        "cancelled" => "Отменено",
        "expired" => "Истекло",
        _ => code,
    };

    public static string WishlistBadge(string code) => code switch
    {
        "pending" => "text-bg-warning",
        "contacted" => "text-bg-info",
        "converted" => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string TimePreference(string? code) => code switch
    {
        "morning" => "утро",
        "afternoon" => "день",
        "evening" => "вечер",
        null => "—",
        _ => code,
    };

    /// <summary>A <c>tel:</c> link target: the digits only, with the leading + of an international number.</summary>
    public static string TelHref(string phone) =>
        "tel:" + (phone.TrimStart().StartsWith('+') ? "+" : "") + new string(phone.Where(char.IsAsciiDigit).ToArray());
}
