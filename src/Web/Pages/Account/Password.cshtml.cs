using AgentP.Application.Account;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ValidationException = FluentValidation.ValidationException;

namespace AgentP.Web.Pages.Account;

public sealed class PasswordModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    [TempData] public string? Notice { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await mediator.Send(new ChangePassword(Current, New, Confirm), HttpContext.RequestAborted);
            Notice = "Пароль изменён.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            Current = New = Confirm = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
