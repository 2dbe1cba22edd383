using AgentP.Application.Settings;
using AgentP.Application.Tenants;
using AgentP.Domain.Common;
using AgentP.Web.Auth;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ValidationException = FluentValidation.ValidationException;

namespace AgentP.Web.Pages.Settings;

[Authorize(Roles = "super_admin,admin")]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public SettingsView View { get; private set; } = null!;
    [BindProperty] public SettingsForm Form { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public static IReadOnlyList<string> TimeZones => UpdateSettingsValidator.TimeZones;

    /// <summary>With «Все салоны» picked (super_admin): the salons to choose from, since settings are each salon's own.</summary>
    public IReadOnlyList<TenantChoice>? Salons { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (AllSalons) return RedirectToPage(null, "Choose");
        View = await mediator.Send(new GetSettings(), HttpContext.RequestAborted);
        var v = View.Values;
        Form = new SettingsForm
        {
            TimeZone = v.TimeZone, LowConversionPercent = Invariant(v.LowConversionPercent), HighDropOffPercent = Invariant(v.HighDropOffPercent),
            ErrorSpikePercent = Invariant(v.ErrorSpikePercent), MinDialogs = Invariant(v.MinDialogs), DigestEnabled = v.DigestEnabled,
            NotificationChatId = v.NotificationChatId,
            OpeningHours = Enumerable.Range(0, 7).Select(i => v.OpeningHours is { Count: 7 } h ? h[i] : null).ToArray(),
            MinutesPerReply = Invariant(v.MinutesPerReply), MonthlyBotFee = v.MonthlyBotFee is { } fee ? Invariant(fee) : null,
            EscalationAnswerMinutes = v.EscalationAnswerMinutes is { } target ? Invariant(target) : null,
        };
        return Page();
    }

    /// <summary>«Все салоны» picked: which salon's settings to open (the choice returns to this page).</summary>
    public async Task<IActionResult> OnGetChooseAsync()
    {
        if (!AllSalons) return RedirectToPage();
        Salons = await mediator.Send(new GetTenantChoices(), HttpContext.RequestAborted);
        return Page();
    }

    private bool AllSalons => DashboardClaims.RoleOf(User) == Role.SuperAdmin && DashboardClaims.GuidOf(User, DashboardClaims.SelectedTenantId) is null;

    public async Task<IActionResult> OnPostAsync()
    {
        // A checkbox: anything but "true" is false. A value that is no bool at all must not reach the re-rendered form,
        // whose checkbox cannot show it (that was a 500), as on the sign-in form.
        ModelState.Remove("Form." + nameof(SettingsForm.DigestEnabled));
        try
        {
            // Numbers are parsed here, invariantly: a number input sends "12.5" whatever the UI language. A value that is
            // not a number becomes one the validator refuses with its message.
            await mediator.Send(new UpdateSettings(new SettingsValues(Form.TimeZone ?? "", Number(Form.LowConversionPercent), Number(Form.HighDropOffPercent),
                Number(Form.ErrorSpikePercent), (int)Math.Clamp(Number(Form.MinDialogs), -1, int.MaxValue), Form.DigestEnabled, Form.NotificationChatId,
                Form.OpeningHours is { } hours ? Enumerable.Range(0, 7).Select(i => i < hours.Length ? (hours[i] ?? "").Replace(" ", "").Replace('–', '-') : "").ToList() : null,
                Number(Form.MinutesPerReply), string.IsNullOrWhiteSpace(Form.MonthlyBotFee) ? null : Number(Form.MonthlyBotFee),
                string.IsNullOrWhiteSpace(Form.EscalationAnswerMinutes) ? null : (int)Math.Clamp(Number(Form.EscalationAnswerMinutes), -1, int.MaxValue))),
                HttpContext.RequestAborted);
            Notice = "Настройки сохранены.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError("Form." + error.PropertyName.Replace("Values.", ""), error.ErrorMessage);
            View = await mediator.Send(new GetSettings(), HttpContext.RequestAborted);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private static string Invariant(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Number(string? text) =>
        decimal.TryParse(text?.Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value is > -1_000_000_000 and < 1_000_000_000 ? value : -1;

    public sealed class SettingsForm
    {
        public string? TimeZone { get; set; }
        public string? LowConversionPercent { get; set; }
        public string? HighDropOffPercent { get; set; }
        public string? ErrorSpikePercent { get; set; }
        public string? MinDialogs { get; set; }
        public bool DigestEnabled { get; set; }
        public string? NotificationChatId { get; set; }
        /// <summary>Monday first: "10:00-21:00", or empty for a day off; all empty: the default hours.</summary>
        public string?[]? OpeningHours { get; set; }
        public string? MinutesPerReply { get; set; } = "2";
        public string? MonthlyBotFee { get; set; }
        public string? EscalationAnswerMinutes { get; set; }
    }
}
