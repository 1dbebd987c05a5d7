using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Accounts;

/// <summary>An invited user (or one whose password was reset) sets a password from the one-time link. Unknown, used or expired links are 404.</summary>
public sealed class InvitationPageModel(AcceptInvitation accept, SenSignInManager signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? Email { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        (var usable, Email) = await accept.CheckAsync(token, setup: false, cancellationToken).ConfigureAwait(false);
        return usable ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        (var usable, Email) = await accept.CheckAsync(token, setup: false, cancellationToken).ConfigureAwait(false);
        if (!usable)
        {
            return NotFound();
        }

        if (Password != ConfirmPassword)
        {
            return Refused([text["Account.Error.PasswordsDiffer"]]);
        }

        var result = await accept.HandleAsync(new AcceptInvitation.Command(token, Setup: false, Password ?? ""), cancellationToken).ConfigureAwait(false);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return Refused(result.Errors);
        }

        await signIn.SignInAsync(result.User!, isPersistent: false).ConfigureAwait(false);
        return Redirect("/admin");
    }

    private PageResult Refused(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
