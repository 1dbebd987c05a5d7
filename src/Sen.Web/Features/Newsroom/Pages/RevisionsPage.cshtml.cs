using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>An article's revisions (/admin/bai-viet/{id}/phien-ban): who saved which when, compare two, restore one as a new revision.</summary>
[Authorize(Policy = NewsroomPolicies.Newsroom)]
public sealed class RevisionsPageModel(OpenArticle open, ListRevisions list) : NewsroomPageModel
{
    public Article? Article { get; private set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<ListRevisions.Item> Revisions { get; private set; } = [];

    /// <summary>Whether the workflow lets this user save the article (restoring is a save).</summary>
    public bool CanRestore { get; private set; }

    public static string RevisionsUrl(int id) => EditUrl(id) + "/phien-ban";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        await ShowAsync(opened, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, int baseRevision, [FromServices] RestoreRevision restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restore);
        var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        var result = await restore.HandleAsync(new RestoreRevision.Command(id, number, baseRevision), cancellationToken);
        if (result.Succeeded)
        {
            return Done("Newsroom.Status.RevisionRestored", EditUrl(id));
        }

        if (result.Outcome == NewsroomOutcome.NotFound)
        {
            return NotFound();
        }

        (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        await ShowAsync(opened, cancellationToken);
        return Fail(StatusOf(result.Outcome), result.MessageKey ?? "Error.Generic.Message");
    }

    private async Task ShowAsync(OpenArticle.Opened opened, CancellationToken cancellationToken)
    {
        Article = opened.Article;
        Title = opened.WorkingCopy.Title;
        CanRestore = open.Can(opened.Article, WorkflowAction.Save).Allowed;
        Revisions = await list.HandleAsync(new ListRevisions.Query(opened.Article.Id), cancellationToken) ?? [];
    }
}
