using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Errors;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>The bin (/admin/thung-rac), administrators only: restore an article, or empty the bin after a confirmation step.</summary>
[Authorize(Policy = NewsroomPolicies.Administer)]
public sealed class BinPageModel(ListArticles list, TimeProvider clock) : NewsroomPageModel
{
    public const string BinUrl = "/admin/thung-rac";

    public ListArticles.Result Result { get; private set; } = new([], 0, 1, 1);

    /// <summary>The second step of emptying the bin: the page asks once more.</summary>
    public bool Confirming { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public PagerModel Pager => new(Result.Page, Result.PageCount, p => p == 1 ? BinUrl : $"{BinUrl}?{PageQuery.Parameter}={p}");

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    /// <summary>The first step: shows what emptying would delete, with the form that does it.</summary>
    public Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        Confirming = true;
        return ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostEmptyAsync([FromServices] EmptyBin empty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(empty);
        var result = await empty.HandleAsync(new EmptyBin.Command(), cancellationToken);
        if (!result.Outcome.Succeeded)
        {
            await ShowAsync(cancellationToken);
            return Fail(StatusOf(result.Outcome.Outcome), result.Outcome.MessageKey ?? "Error.Generic.Message");
        }

        StatusCount = result.Deleted;
        return Done("Newsroom.Status.BinEmptied", BinUrl);
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, [FromServices] RestoreArticle restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restore);
        var result = await restore.HandleAsync(new RestoreArticle.Command(id), cancellationToken);
        if (result.Succeeded)
        {
            return Done("Newsroom.Status.Restored", EditUrl(id));
        }

        if (result.Outcome == NewsroomOutcome.NotFound)
        {
            return NotFound();
        }

        await ShowAsync(cancellationToken);
        return Fail(StatusOf(result.Outcome), result.MessageKey ?? "Error.Generic.Message");
    }

    /// <summary>How many articles the last emptying deleted, for its status message.</summary>
    [TempData]
    public int? StatusCount { get; set; }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (!PageQuery.TryRead(Request, out var page))
        {
            return ErrorPages.BadRequest(HttpContext, "Error.BadPageNumber");
        }

        Result = await list.HandleAsync(new ListArticles.Query(Page: page ?? 1, InBin: true), cancellationToken);
        return page > Result.PageCount ? NotFound() : Page();
    }
}
