using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Accounts;

/// <summary>The first administrator's account, from the one-time link start-up logged. Unknown or used links are 404.</summary>
public sealed class SetupPageModel(AcceptInvitation accept, SenSignInManager signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var (usable, _) = await accept.CheckAsync(token, setup: true, cancellationToken).ConfigureAwait(false);
        return usable ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var (usable, _) = await accept.CheckAsync(token, setup: true, cancellationToken).ConfigureAwait(false);
        if (!usable)
        {
            return NotFound();
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Email))
        {
            problems.Add(text["Account.Error.EmailRequired"]);
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            problems.Add(text["Account.Error.NameRequired"]);
        }

        if (Password != ConfirmPassword)
        {
            problems.Add(text["Account.Error.PasswordsDiffer"]);
        }

        if (problems.Count > 0)
        {
            return Refused(problems);
        }

        var result = await accept.HandleAsync(new AcceptInvitation.Command(token, Setup: true, Password ?? "", Email, DisplayName), cancellationToken).ConfigureAwait(false);
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
