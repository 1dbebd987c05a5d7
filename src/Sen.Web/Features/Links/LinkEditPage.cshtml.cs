using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

/// <summary>Administrators change one website link, or delete it after ticking a confirmation.</summary>
[Authorize(Policy = NewsroomPolicies.Administer)]
public sealed class LinkEditPageModel(ListWebsiteLinks list, SaveWebsiteLink save, DeleteWebsiteLink delete, IStringLocalizer<SharedResource> text) : PageModel
{
    public ListWebsiteLinks.Row Link { get; private set; } = null!;

    public LinkFields Form { get; private set; } = new("", "");

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public LinkFormView FormView => new(Form, "edit");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = new LinkFields(Link.Title, Link.Url);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? title, string? url, CancellationToken cancellationToken)
    {
        var form = new LinkFields(title, url);
        var result = await save.HandleAsync(new SaveWebsiteLink.Command(id, form), cancellationToken);
        if (result.Outcome == SaveResult.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (result.Saved)
        {
            return RedirectToPage("/Links/LinksAdminPage", new { done = AdminNotices.Saved });
        }

        Form = form;
        Errors = [.. result.ProblemKeys.Select(k => text[k].Value)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!confirm)
        {
            Form = new LinkFields(Link.Title, Link.Url);
            Errors = [text["Admin.Delete.NotConfirmed"]];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await delete.HandleAsync(id, cancellationToken) == SaveResult.NotFound
            ? NotFound()
            : RedirectToPage("/Links/LinksAdminPage", new { done = AdminNotices.Deleted });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var link = (await list.HandleAsync(cancellationToken)).FirstOrDefault(l => l.Id == id);
        Link = link!;
        return link is not null;
    }
}
