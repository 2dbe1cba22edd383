using AgentP.Application.Tenants;
using AgentP.Application.Common;
using AgentP.Application.Users;
using AgentP.Domain.Common;
using AgentP.Web.Auth;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ValidationException = FluentValidation.ValidationException;

namespace AgentP.Web.Pages.Users;

[Authorize(Roles = "super_admin,admin")]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<TenantChoice> Salons { get; private set; } = [];
    [BindProperty] public NewUser Form { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public bool IsSuperAdmin => DashboardClaims.RoleOf(User) == Role.SuperAdmin;

    public async Task OnGetAsync() => await LoadAsync();

    /// <param name="format"><c>excel</c>: the file for a person's spreadsheet (<see cref="Spreadsheet"/>); else the machine-readable one.</param>
    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        CsvFile.Of(await mediator.Send(new ExportUsers(), HttpContext.RequestAborted), format, Columns, Spreadsheet);

    private static CsvColumns<UserExportRow> Spreadsheet(Export<UserExportRow> e) => new(
        ("Эл. почта", (csv, u) => csv.WriteText(u.Email)),
        ("Имя", (csv, u) => csv.WriteText(u.FirstName)),
        ("Фамилия", (csv, u) => csv.WriteText(u.LastName)),
        ("Роль", (csv, u) => csv.WriteField(Labels.Role(u.Role))),
        ("Салон", (csv, u) => csv.WriteText(u.Salon)),
        ("Может войти", (csv, u) => csv.WriteYesNo(u.Active)),
        (e.Local("Последний вход"), (csv, u) => csv.WriteLocal(u.LastLoginAt, e.Zone)),
        (e.Local("Добавлен"), (csv, u) => csv.WriteLocal(u.CreatedAt, e.Zone)));

    private static readonly CsvColumns<UserExportRow> Columns = new(
        ("id", (csv, u) => csv.WriteField(u.Id, "D")),
        ("email", (csv, u) => csv.WriteText(u.Email)),
        ("first_name", (csv, u) => csv.WriteText(u.FirstName)),
        ("last_name", (csv, u) => csv.WriteText(u.LastName)),
        ("role", (csv, u) => csv.WriteText(u.Role.ToCode())),
        ("salon", (csv, u) => csv.WriteText(u.Salon)),
        ("active", (csv, u) => csv.WriteText(u.Active ? "yes" : "no")),
        ("last_login_utc", (csv, u) => csv.WriteUtc(u.LastLoginAt)),
        ("created_at_utc", (csv, u) => csv.WriteUtc(u.CreatedAt)));

    public async Task<IActionResult> OnPostCreateAsync()
    {
        try
        {
            // A salon admin's users belong to the admin's salon; a super_admin picks one (none for a super_admin).
            var tenant = IsSuperAdmin ? (Guid.TryParse(Form.TenantId, out var id) ? id : null) : DashboardClaims.GuidOf(User, DashboardClaims.TenantId);
            await mediator.Send(new CreateUser(Form.Email ?? "", Form.Password ?? "", Form.Role ?? "", tenant, Form.FirstName, Form.LastName),
                HttpContext.RequestAborted);
            Notice = "Пользователь добавлен.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError("Form." + error.PropertyName, error.ErrorMessage);
            Form.Password = null;
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    [TempData] public string? ResetLink { get; set; }
    [TempData] public bool ResetLinkIsPath { get; set; }

    public async Task<IActionResult> OnPostUpdateAsync(long id, string? firstName, string? lastName, string? role)
    {
        await mediator.Send(new UpdateUser(id, firstName, lastName, role), HttpContext.RequestAborted);
        Notice = "Пользователь изменён.";
        return RedirectToPage();
    }

    /// <summary>Makes a one-time reset link and shows it once (the next page view no longer has it).</summary>
    public async Task<IActionResult> OnPostResetAsync(long id)
    {
        var link = await mediator.Send(new CreatePasswordResetLink(id), HttpContext.RequestAborted);
        ResetLink = link.Url;
        ResetLinkIsPath = !link.Absolute;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiveAsync(long id, bool? active)
    {
        // A value that is neither true nor false is refused: bound as false, it would switch the user off.
        if (active is not { } on || !ModelState.IsValid) return BadRequest();
        await mediator.Send(new SetUserActive(id, on), HttpContext.RequestAborted);
        Notice = on ? "Пользователь включён." : "Пользователь отключён: войти он больше не сможет.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var list = await mediator.Send(new GetUsers(), HttpContext.RequestAborted);
        (Users, Zone, Salons) = (list.Rows, TimeZoneInfo.FindSystemTimeZoneById(list.TimeZone), list.Salons);
    }

    public sealed class NewUser
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Role { get; set; } = "staff";
        public string? TenantId { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
    }
}
