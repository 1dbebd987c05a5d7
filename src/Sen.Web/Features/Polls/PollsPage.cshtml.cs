using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Polls;

/// <summary>The site's public polls (/tham-do), newest first; cached, evicted by votes and newsroom changes.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class PollsPageModel(ReadPolls polls) : PageModel
{
    public IReadOnlyList<PollResults> Polls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PublicCache.Tag(HttpContext, PollCacheTags.List);
        Polls = await polls.ListAsync(cancellationToken);
    }
}
