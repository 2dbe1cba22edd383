using AgentP.Application.Common;
using AgentP.Application.Wishlist;
using AgentP.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AgentP.Web.Pages.Wishlist;

public sealed class IndexModel(IMediator mediator) : FilterPageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Staff { get; set; }
    [BindProperty(SupportsGet = true)] public string? Age { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [TempData] public string? Notice { get; set; }

    public WishlistPage? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await QueryAsync(mediator, new GetWishlist(Filter(), After));
        return Page();
    }

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        CsvFile.Of(await mediator.Send(new ExportWishlist(Filter()), HttpContext.RequestAborted), format, Columns, Spreadsheet);

    private static CsvColumns<WishlistExportRow> Spreadsheet(Export<WishlistExportRow> e) => new([
        .. e.AllSalons ? [("Салон", (csv, r) => csv.WriteText(r.Salon))] : Array.Empty<(string, Action<CsvHelper.CsvWriter, WishlistExportRow>)>(),
        ("Номер", (csv, r) => csv.WriteField(r.Id, "D")),
        (e.Local("Создана"), (csv, r) => csv.WriteLocal(r.CreatedAt, e.Zone)),
        ("Клиент", (csv, r) => csv.WriteText(r.ClientName)),
        ("Телефон", (csv, r) => csv.WritePhone(r.ClientPhone)),
        ("Что ждёт", (csv, r) => csv.WriteField(r.ItemType == WishlistItemType.Service ? "Услуга" : "Окно")),
        ("Услуга", (csv, r) => csv.WriteText(r.Meta.ServiceTitle)),
        ("Мастер", (csv, r) => csv.WriteText(r.Meta.StaffName)),
        ("Желаемая дата", (csv, r) => csv.WriteField(r.Meta.PreferredDate, "dd.MM.yyyy")),
        ("Время", (csv, r) => csv.WriteText(r.Meta.TimePreference is null ? null : Labels.TimePreference(r.Meta.TimePreference))),
        ("Откуда", (csv, r) => csv.WriteText(r.Source is null ? null : Labels.WishlistSource(r.Source))),
        ("Комментарий", (csv, r) => csv.WriteText(r.Comment)),
        ("Статус", (csv, r) => csv.WriteText(Labels.WishlistStatus(r.Status)))]);

    private static readonly CsvColumns<WishlistExportRow> Columns = new(
        ("id", (csv, r) => csv.WriteField(r.Id, "D")),
        ("created_at_utc", (csv, r) => csv.WriteUtc(r.CreatedAt)),
        ("client", (csv, r) => csv.WriteText(r.ClientName)),
        ("phone", (csv, r) => csv.WriteText(r.ClientPhone)),
        ("item_type", (csv, r) => csv.WriteText(r.ItemType.ToCode())),
        ("item_id", (csv, r) => csv.WriteText(r.ItemId)),
        ("service", (csv, r) => csv.WriteText(r.Meta.ServiceTitle)),
        ("staff", (csv, r) => csv.WriteText(r.Meta.StaffName)),
        ("preferred_date", (csv, r) => csv.WriteField(r.Meta.PreferredDate, "yyyy-MM-dd")),
        ("time_preference", (csv, r) => csv.WriteText(r.Meta.TimePreference)),
        ("source", (csv, r) => csv.WriteText(r.Source)),
        ("comment", (csv, r) => csv.WriteText(r.Comment)),
        ("bot_status", (csv, r) => csv.WriteText(r.BotStatus.ToCode())),
        ("status", (csv, r) => csv.WriteText(r.Status))); // the bot's own word when the dashboard has not decided

    /// <summary>Age arrives as text so that a bad value becomes a message, not a model-binding error.</summary>
    private WishlistFilter Filter() => new(Status, Type, Staff,
        Age is null ? null : int.TryParse(Age, out var days) ? days : -1);

    public string Query(string? status = null, bool keepStatus = true, string? after = null)
    {
        var values = new (string Key, string? Value)[] { ("status", keepStatus ? Status : status), ("type", Type), ("staff", Staff), ("age", Age), ("after", after) };
        return string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    public string ReturnUrl => Request.Path + Request.QueryString;
}
