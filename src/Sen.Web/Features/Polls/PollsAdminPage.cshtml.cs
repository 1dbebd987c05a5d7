using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;

namespace Sen.Web.Features.Polls;

/// <summary>Approvers and administrators list the site's polls and add one (a draft, opened from its page).</summary>
[Authorize(Policy = NewsroomPolicies.Approve)]
public sealed class PollsAdminPageModel(ListPollsForNewsroom list, SavePoll save, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Poll> Polls { get; private set; } = [];

    public PollFields Form { get; private set; } = new("", "", PollFields.SingleKind, "", "");

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public PollFormView FormView => new(Form, "new", OptionsLocked: false);

    public string? Notice { get; private set; }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Notice = AdminNotices.For(done, text);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? question, string? options, string? kind, string? opensAt, string? closesAt, CancellationToken cancellationToken)
    {
        var form = new PollFields(question, options, kind, opensAt, closesAt);
        var result = await save.HandleAsync(new SavePoll.Command(null, form), cancellationToken);
        if (result.Saved)
        {
            return RedirectToPage("/Polls/PollEditPage", new { id = result.PollId, done = AdminNotices.Created });
        }

        Form = form;
        Errors = [.. result.ProblemKeys.Select(k => text[k].Value)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Polls = await list.HandleAsync(cancellationToken);
    }
}
