using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Polls;

/// <summary>
/// A poll's results (/tham-do/{id}): counts, percentages and bars. Cached like every public page and
/// tagged with the poll, so each counted vote evicts it and the next reader sees the new counts.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class PollResultsPageModel(ReadPolls polls) : PageModel
{
    public PollResults Poll { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var poll = await polls.ResultsAsync(id, cancellationToken);
        if (poll is null)
        {
            return NotFound();
        }

        PublicCache.Tag(HttpContext, PollCacheTags.Poll(id));
        Poll = poll;
        return Page();
    }
}
