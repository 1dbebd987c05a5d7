using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

/// <summary>Administrators list, add and order the site's website links.</summary>
[Authorize(Policy = NewsroomPolicies.Administer)]
public sealed class LinksAdminPageModel(ListWebsiteLinks list, SaveWebsiteLink save, MoveWebsiteLink move, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ListWebsiteLinks.Row> Links { get; private set; } = [];

    public LinkFields Form { get; private set; } = new("", "");

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public LinkFormView FormView => new(Form, "new");

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Notice = AdminNotices.For(done, text);
        Links = await list.HandleAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? title, string? url, CancellationToken cancellationToken)
    {
        var form = new LinkFields(title, url);
        var result = await save.HandleAsync(new SaveWebsiteLink.Command(null, form), cancellationToken);
        if (result.Saved)
        {
            return RedirectToPage(new { done = AdminNotices.Created });
        }

        Form = form;
        Errors = [.. result.ProblemKeys.Select(k => text[k].Value)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Links = await list.HandleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string? direction, CancellationToken cancellationToken)
    {
        if (direction is not ("up" or "down"))
        {
            return BadRequest();
        }

        return await move.HandleAsync(id, direction == "up", cancellationToken) == SaveResult.NotFound
            ? NotFound()
            : RedirectToPage(new { done = AdminNotices.Moved });
    }
}
