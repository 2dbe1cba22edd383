using System.Globalization;
using AgentP.Domain.Common;
using AgentP.Domain.Dashboard;

namespace AgentP.Web;

/// <summary>
/// The Russian names (localization keys: views pass them through <c>T[…]</c>) of every code the bot or our own tables hold,
/// and the badge colour of each status. A code without a name here is shown readably (<see cref="Readable"/>: «Price
/// inquiry» for <c>price_inquiry</c>), never as an empty cell. <see cref="KnownCodes"/> lists the codes that have a name,
/// for the test that walks every page and fails on one shown raw.
/// </summary>
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
        _ => "Другой канал",
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

    private static readonly Dictionary<string, string> Intents = new(StringComparer.Ordinal)
    {
        ["booking"] = "Запись",
        ["consultation"] = "Консультация",
        ["complaint"] = "Жалоба",
        ["cancellation"] = "Отмена записи",
        ["cancel"] = "Отмена записи",
        ["reschedule"] = "Перенос записи",
        ["price_inquiry"] = "Вопрос о цене",
        ["info"] = "Вопрос",
        ["question"] = "Вопрос",
        ["greeting"] = "Приветствие",
        ["feedback"] = "Отзыв",
        ["other"] = "Другое",
    };

    /// <summary>What the client wanted (<c>final_intent</c>).</summary>
    public static string Intent(string? code) => Name(Intents, code);

    /// <summary>
    /// Why a dialog went to a human: the bot records its intent (<c>complaint</c>) or, without one, its summary — a
    /// known intent is named, any other text is shown as the bot wrote it.
    /// </summary>
    public static string EscalationReason(string? reason) =>
        reason is null ? "—" : Intents.TryGetValue(reason.Trim(), out var name) ? name : LooksLikeCode(reason) ? Readable(reason) : reason;

    private static readonly Dictionary<string, string> BookingStatuses = new(StringComparer.Ordinal)
    {
        ["created"] = "Создана",
        ["confirmed"] = "Подтверждена",
        ["completed"] = "Клиент пришёл",
        ["cancelled"] = "Отменена",
        ["canceled"] = "Отменена",
        ["rescheduled"] = "Перенесена",
        ["no_show"] = "Клиент не пришёл",
        ["pending"] = "Ждёт подтверждения",
    };

    /// <summary>A booking's status, as the bot wrote it (<c>booking_status</c>) or as YClients told us.</summary>
    public static string BookingStatus(string? code) => Name(BookingStatuses, code);

    public static string BookingStatus(BookingStatus status) => BookingStatus(status.ToCode());

    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        ["bot"] = "Бот",
        ["telegram"] = "Telegram",
        ["whatsapp"] = "WhatsApp",
        ["admin"] = "Администратор",
        ["manual"] = "Вручную",
        ["website"] = "Сайт",
        ["web"] = "Сайт",
        ["yclients"] = "YClients",
        ["phone"] = "Звонок",
    };

    /// <summary>Where a wishlist request came from (<c>wishlist_v2.source</c>).</summary>
    public static string WishlistSource(string? code) => Name(Sources, code);

    private static readonly Dictionary<string, string> Languages = new(StringComparer.Ordinal)
    {
        ["ru"] = "Русский",
        ["en"] = "Английский",
        ["uk"] = "Украинский",
        ["be"] = "Белорусский",
        ["kk"] = "Казахский",
        ["uz"] = "Узбекский",
        ["ky"] = "Киргизский",
        ["tg"] = "Таджикский",
        ["hy"] = "Армянский",
        ["az"] = "Азербайджанский",
        ["ka"] = "Грузинский",
        ["tr"] = "Турецкий",
        ["de"] = "Немецкий",
        ["fr"] = "Французский",
        ["es"] = "Испанский",
        ["it"] = "Итальянский",
        ["zh"] = "Китайский",
    };

    /// <summary>The client's language (<c>user_ltm_v2.language</c>: <c>ru</c>, <c>en-US</c>, …).</summary>
    public static string Language(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "—";
        var two = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Languages.TryGetValue(two, out var name) ? name : code.Trim().ToUpperInvariant();
    }

    private static readonly Dictionary<string, string> AuditActionNames = new(StringComparer.Ordinal)
    {
        [AuditActions.Login] = "Вход",
        [AuditActions.LoginFailed] = "Неудачный вход",
        [AuditActions.Logout] = "Выход",
        [AuditActions.CreateUser] = "Новый пользователь",
        [AuditActions.Export] = "Выгрузка CSV",
        [AuditActions.WishlistDecision] = "Решение по листу ожидания",
        [AuditActions.AcknowledgeAlert] = "Алерт просмотрен",
        [AuditActions.UpdateSettings] = "Изменение настроек",
        [AuditActions.ActivateUser] = "Пользователь включён",
        [AuditActions.DeactivateUser] = "Пользователь отключён",
        [AuditActions.ChangePassword] = "Смена пароля",
        [AuditActions.UpdateUser] = "Изменение пользователя",
        [AuditActions.PasswordResetLink] = "Ссылка для пароля",
        [AuditActions.PasswordReset] = "Пароль по ссылке",
        [AuditActions.ResolveEscalation] = "Обращение закрыто",
    };

    /// <summary>Every audit action, in the order the filter offers them.</summary>
    public static IReadOnlyList<string> AuditActionCodes { get; } = AuditActionNames.Keys.ToList();

    public static string AuditAction(string? code) => Name(AuditActionNames, code);

    public static string AlertKind(AlertKind kind) => kind switch
    {
        Domain.Common.AlertKind.LowConversion => "Низкая конверсия",
        Domain.Common.AlertKind.HighDropOff => "Много брошенных",
        Domain.Common.AlertKind.ErrorSpike => "Всплеск эскалаций",
        _ => Readable(kind.ToCode()),
    };

    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "Критично",
        AlertSeverity.Warning => "Предупреждение",
        _ => "Для сведения",
    };

    public static string Role(Role? role) => role switch
    {
        Domain.Common.Role.SuperAdmin => "Владелец платформы",
        Domain.Common.Role.Admin => "Администратор салона",
        Domain.Common.Role.Staff => "Сотрудник",
        _ => "",
    };

    public static string WishlistStatus(string code) => code switch
    {
        "pending" => "Ждёт",
        "contacted" => "Связались",
        "converted" => "Записан",
        "cancelled" => "Отменено",
        "expired" => "Истекло",
        _ => Readable(code),
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
        _ => Readable(code),
    };

    /// <summary>
    /// The codes above that have a name: none of them may reach a page as it is (the raw-code test checks every page of
    /// the demo against this list, as whole words, case-sensitive — "Telegram" is a name, "telegram" a code).
    /// </summary>
    public static IReadOnlyList<string> KnownCodes { get; } =
        // Of the languages only those a salon's clients speak: two letters are too short to tell from words («Dar es Salaam»).
        Intents.Keys.Concat(BookingStatuses.Keys).Concat(Sources.Keys).Concat(["ru", "en", "uk", "kk"]).Concat(AuditActionNames.Keys)
            .Concat(Enum.GetValues<SessionStatus>().Where(s => s != SessionStatus.Unknown).Select(s => s.ToCode()))
            .Concat(Enum.GetValues<Domain.Common.Channel>().Where(s => s != Domain.Common.Channel.Unknown).Select(s => s.ToCode()))
            .Concat(Enum.GetValues<Domain.Common.Sentiment>().Select(s => s.ToCode()))
            .Concat(Enum.GetValues<DropOffStage>().Select(s => s.ToCode()))
            .Concat(Enum.GetValues<Domain.Common.WishlistStatus>().Where(s => s != Domain.Common.WishlistStatus.Unknown).Select(s => s.ToCode()))
            .Concat(Enum.GetValues<Domain.Common.AlertKind>().Select(s => s.ToCode()))
            .Concat(Enum.GetValues<AlertSeverity>().Select(s => s.ToCode()))
            .Concat(Enum.GetValues<Domain.Common.Role>().Select(s => s.ToCode()))
            .Concat(["morning", "afternoon", "evening"])
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>A code nobody named yet, readable: <c>price_inquiry</c> → «Price inquiry».</summary>
    public static string Readable(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "—";
        var words = code.Trim().Replace('_', ' ').Replace('-', ' ');
        return char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    private static string Name(Dictionary<string, string> names, string? code) =>
        string.IsNullOrWhiteSpace(code) ? "—" : names.TryGetValue(code.Trim(), out var name) ? name : Readable(code);

    private static bool LooksLikeCode(string text) => text.Length <= 50 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static readonly Dictionary<string, string> Cities = new(StringComparer.Ordinal)
    {
        ["Europe/Kaliningrad"] = "Калининград", ["Europe/Moscow"] = "Москва", ["Europe/Simferopol"] = "Симферополь", ["Europe/Kirov"] = "Киров",
        ["Europe/Volgograd"] = "Волгоград", ["Europe/Astrakhan"] = "Астрахань", ["Europe/Saratov"] = "Саратов", ["Europe/Ulyanovsk"] = "Ульяновск",
        ["Europe/Samara"] = "Самара", ["Asia/Yekaterinburg"] = "Екатеринбург", ["Asia/Omsk"] = "Омск", ["Asia/Novosibirsk"] = "Новосибирск",
        ["Asia/Barnaul"] = "Барнаул", ["Asia/Tomsk"] = "Томск", ["Asia/Novokuznetsk"] = "Новокузнецк", ["Asia/Krasnoyarsk"] = "Красноярск",
        ["Asia/Irkutsk"] = "Иркутск", ["Asia/Chita"] = "Чита", ["Asia/Yakutsk"] = "Якутск", ["Asia/Khandyga"] = "Хандыга",
        ["Asia/Vladivostok"] = "Владивосток", ["Asia/Ust-Nera"] = "Усть-Нера", ["Asia/Magadan"] = "Магадан", ["Asia/Sakhalin"] = "Южно-Сахалинск",
        ["Asia/Srednekolymsk"] = "Среднеколымск", ["Asia/Kamchatka"] = "Петропавловск-Камчатский", ["Asia/Anadyr"] = "Анадырь",
        ["Europe/Minsk"] = "Минск", ["Europe/Kiev"] = "Киев", ["Europe/Kyiv"] = "Киев", ["Europe/Chisinau"] = "Кишинёв", ["Europe/Riga"] = "Рига",
        ["Europe/Vilnius"] = "Вильнюс", ["Europe/Tallinn"] = "Таллин", ["Asia/Almaty"] = "Алматы", ["Asia/Tashkent"] = "Ташкент",
        ["Asia/Bishkek"] = "Бишкек", ["Asia/Dushanbe"] = "Душанбе", ["Asia/Yerevan"] = "Ереван", ["Asia/Baku"] = "Баку", ["Asia/Tbilisi"] = "Тбилиси",
        ["Europe/Istanbul"] = "Стамбул", ["Asia/Dubai"] = "Дубай", ["Europe/London"] = "Лондон", ["Europe/Berlin"] = "Берлин", ["Europe/Paris"] = "Париж",
        ["America/New_York"] = "Нью-Йорк", ["America/Los_Angeles"] = "Лос-Анджелес", ["Asia/Bangkok"] = "Бангкок", ["Asia/Tokyo"] = "Токио",
        ["Asia/Shanghai"] = "Шанхай", ["UTC"] = "UTC", ["Etc/UTC"] = "UTC",
    };

    /// <summary>The Russian zones (their ids start these lists in Settings).</summary>
    public static bool IsRussian(string zoneId) => RussianZones.Contains(zoneId);

    private static readonly HashSet<string> RussianZones = Cities.Keys.TakeWhile(id => id != "Europe/Minsk").ToHashSet(StringComparer.Ordinal);

    /// <summary>The city a zone is named after, as a localization key: «Москва»; an unnamed zone by its id's last part.</summary>
    public static string City(string zoneId) =>
        Cities.TryGetValue(zoneId, out var city) ? city : zoneId[(zoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');

    /// <summary>A time zone the way people say it: «Москва (UTC+3)», «Лос-Анджелес (UTC−8)»; the id stays what is stored.</summary>
    public static string TimeZone(TimeZoneInfo zone, DateTimeOffset now, Func<string, string> localize) =>
        $"{localize(City(zone.Id))} ({Offset(zone.GetUtcOffset(now))})";

    public static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC"
        : $"UTC{(offset < TimeSpan.Zero ? "\u2212" : "+")}{Math.Abs(offset.Hours)}{(offset.Minutes != 0 ? $":{Math.Abs(offset.Minutes):00}" : "")}";

    /// <summary>A <c>tel:</c> link target: the digits only, with the leading + of an international number.</summary>
    public static string TelHref(string phone) =>
        "tel:" + (phone.TrimStart().StartsWith('+') ? "+" : "") + new string(phone.Where(char.IsAsciiDigit).ToArray());
}
