using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Polls;

/// <summary>Approvers and administrators change a poll, open or close it, and export its results as CSV.</summary>
[Authorize(Policy = NewsroomPolicies.Approve)]
public sealed class PollEditPageModel(
    ListPollsForNewsroom list,
    SavePoll save,
    ChangePollStatus changeStatus,
    ExportPollResults export,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public const string Opened = "opened";
    public const string Closed = "closed";

    public Poll Poll { get; private set; } = null!;

    public PollResults Results { get; private set; } = null!;

    public DateTime Now { get; private set; }

    public PollFields Form { get; private set; } = new("", "", PollFields.SingleKind, "", "");

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public PollFormView FormView => new(Form, "edit", OptionsLocked: Poll.BallotCount > 0);

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice = done switch
        {
            Opened => text["Poll.Admin.Notice.Opened"],
            Closed => text["Poll.Admin.Notice.Closed"],
            _ => AdminNotices.For(done, text),
        };
        Form = PollFields.Of(Poll);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? question, string? options, string? kind, string? opensAt, string? closesAt, CancellationToken cancellationToken)
    {
        var form = new PollFields(question, options, kind, opensAt, closesAt);
        var result = await save.HandleAsync(new SavePoll.Command(id, form), cancellationToken);
        if (result.Outcome == SaveResult.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (result.Saved)
        {
            return RedirectToPage(new { id, done = AdminNotices.Saved });
        }

        Form = form;
        Errors = [.. result.ProblemKeys.Select(k => text[k].Value)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) => ChangeAsync(id, open: true, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) => ChangeAsync(id, open: false, cancellationToken);

    /// <summary>The results as a CSV download (audited).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken)
    {
        var file = await export.HandleAsync(id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, "text/csv; charset=utf-8", file.Name);
    }

    private async Task<IActionResult> ChangeAsync(int id, bool open, CancellationToken cancellationToken) =>
        await changeStatus.HandleAsync(id, open, cancellationToken) == SaveResult.NotFound
            ? NotFound()
            : RedirectToPage(new { id, done = open ? Opened : Closed });

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var poll = await list.FindAsync(id, cancellationToken);
        if (poll is null)
        {
            return false;
        }

        Poll = poll;
        Now = clock.GetUtcNow().UtcDateTime;
        Results = ReadPolls.ToResults(poll, Now);
        return true;
    }
}
