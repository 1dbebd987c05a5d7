using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>One revision as it was saved (/admin/bai-viet/{id}/phien-ban/{number}).</summary>
[Authorize(Policy = NewsroomPolicies.Newsroom)]
public sealed class RevisionPageModel(OpenArticle open, ArticleTransitions transitions, CategoryChoices categories) : NewsroomPageModel
{
    public Article? Article { get; private set; }

    public ArticleRevision? Revision { get; private set; }

    public string CategoryName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        var revision = await transitions.RevisionAsync(id, number, cancellationToken);
        if (revision is null)
        {
            return NotFound();
        }

        Article = opened.Article;
        Revision = revision;
        CategoryName = (await categories.HandleAsync(cancellationToken)).FirstOrDefault(c => c.Id == revision.CategoryId)?.Name ?? "";
        return Page();
    }
}
