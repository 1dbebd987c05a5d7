using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>Administrators list, invite and manage accounts; each change is audited by <see cref="ManageUser"/>.</summary>
[Authorize(Policy = NewsroomPolicies.Administer)]
public sealed class UsersPageModel(ListUsers list, InviteUser invite, ManageUser manage, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ListUsers.Row> Users { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await list.HandleAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? role, string? displayName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return await ShowAsync([text["Account.Error.EmailRequired"]], null, cancellationToken).ConfigureAwait(false);
        }

        var result = await invite.HandleAsync(new InviteUser.Command(email, role ?? "", displayName), cancellationToken).ConfigureAwait(false);
        return result.Link is null
            ? await ShowAsync(result.Errors, null, cancellationToken).ConfigureAwait(false)
            : await ShowAsync([], text["Account.Users.Invited", email.Trim(), result.Link], cancellationToken).ConfigureAwait(false);
    }

    public Task<IActionResult> OnPostRoleAsync(int id, string? role, CancellationToken cancellationToken) =>
        ChangeAsync(new ManageUser.Command(id, ManageUser.Change.SetRole, role), cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(new ManageUser.Command(id, ManageUser.Change.Disable), cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(new ManageUser.Command(id, ManageUser.Change.Enable), cancellationToken);

    public Task<IActionResult> OnPostSignOutAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(new ManageUser.Command(id, ManageUser.Change.SignOutEverywhere), cancellationToken);

    public Task<IActionResult> OnPostResetAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(new ManageUser.Command(id, ManageUser.Change.ResetPassword), cancellationToken);

    private async Task<IActionResult> ChangeAsync(ManageUser.Command command, CancellationToken cancellationToken)
    {
        var result = await manage.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == SaveResult.NotFound)
        {
            return NotFound();
        }

        if (result.Error is not null)
        {
            return await ShowAsync([result.Error], null, cancellationToken).ConfigureAwait(false);
        }

        return result.Link is not null
            ? await ShowAsync([], text["Account.Users.ResetLink", result.Link], cancellationToken).ConfigureAwait(false)
            : await ShowAsync([], text["Account.Users.Saved"], cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<string> errors, string? notice, CancellationToken cancellationToken)
    {
        Errors = errors;
        Notice = notice;
        Users = await list.HandleAsync(cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
