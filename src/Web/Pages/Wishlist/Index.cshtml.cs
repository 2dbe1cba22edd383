using System.Text;
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

    public async Task<IActionResult> OnGetExportAsync()
    {
        var rows = await mediator.Send(new ExportWishlist(Filter()), HttpContext.RequestAborted);
        var csv = new StringBuilder("id;created_at_utc;client;phone;item_type;item_id;service;staff;preferred_date;time_preference;source;comment;bot_status;status\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(';', r.Id, r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), Csv.Field(r.ClientName), Csv.Field(r.ClientPhone),
                r.ItemType.ToCode(), Csv.Field(r.ItemId), Csv.Field(r.Meta.ServiceTitle), Csv.Field(r.Meta.StaffName),
                r.Meta.PreferredDate?.ToString("yyyy-MM-dd"), Csv.Field(r.Meta.TimePreference), Csv.Field(r.Source), Csv.Field(r.Comment),
                r.BotStatus.ToCode(), r.Status);
            csv.Append("\r\n");
        }
        await mediator.Send(new RecordExport("wishlist", Request.QueryString.Value ?? "", rows.Count), HttpContext.RequestAborted);
        return File(Csv.Utf8WithBom(csv), "text/csv; charset=utf-8", $"wishlist-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

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
