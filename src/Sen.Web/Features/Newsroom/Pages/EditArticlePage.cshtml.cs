using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>
/// The editor of one article (/admin/bai-viet/{id}): its working copy in a form that saves a revision,
/// and the workflow's actions as separate forms, each shown only when <see cref="ArticleWorkflow"/> allows it.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Newsroom)]
public sealed class EditArticlePageModel(OpenArticle open, CategoryChoices categories, TimeProvider clock) : NewsroomPageModel
{
    private static readonly WorkflowAction[] PageActions =
        [WorkflowAction.Save, WorkflowAction.Submit, WorkflowAction.Return, WorkflowAction.Publish, WorkflowAction.Unpublish, WorkflowAction.Delete];

    public Article? Article { get; private set; }

    public ArticleInput Input { get; private set; } = new();

    public IReadOnlyList<CategoryChoices.Choice> Categories { get; private set; } = [];

    public FieldProblem? Problem { get; private set; }

    /// <summary>Set when the save was refused because someone saved a newer revision first.</summary>
    public RevisionConflict? Conflict { get; private set; }

    /// <summary>The problem with the return comment or the publication time of the workflow forms.</summary>
    public FieldProblem? ActionProblem { get; private set; }

    public IReadOnlyDictionary<WorkflowAction, WorkflowDecision> Decisions { get; private set; } = new Dictionary<WorkflowAction, WorkflowDecision>();

    public bool May(WorkflowAction action) => Decisions.TryGetValue(action, out var decision) && decision.Allowed;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Where readers find the article, while they can.</summary>
    public string? PublicUrl =>
        Article is { Status: ArticleStatus.Published, DeletedAt: null, PublishedAt: { } at } article && at <= Now
            && Categories.FirstOrDefault(c => c.Id == article.CategoryId) is { } category
            ? ArticleUrls.Article(category.Slug, article.Slug, article.Id)
            : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        await ShowAsync(opened, ArticleInput.From(opened.WorkingCopy, opened.Article.LatestRevision), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, ArticleInput input, [FromServices] SaveArticle save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(save);
        var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        await ShowAsync(opened, input, cancellationToken);
        var (fields, problem) = input.ToFields();
        if (fields is null)
        {
            Problem = problem;
            return Fail(StatusCodes.Status400BadRequest, problem!.MessageKey);
        }

        var result = await save.HandleAsync(new SaveArticle.Command(id, input.BaseRevision, fields), cancellationToken);
        switch (result.Outcome)
        {
            case NewsroomOutcome.Done:
                return Done("Newsroom.Status.Saved", EditUrl(id));
            case NewsroomOutcome.NotFound:
                return NotFound();
            case NewsroomOutcome.Conflict:
                // What the user typed stays in the form, now on top of the newest revision: saving again overwrites it knowingly.
                Conflict = result.Conflict;
                Input.BaseRevision = result.Conflict!.LatestRevision;
                break;
            case NewsroomOutcome.Invalid:
                Problem = FieldProblem.ForKey(result.MessageKey);
                break;
        }

        return Fail(StatusOf(result.Outcome), result.MessageKey ?? "Error.Generic.Message");
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] SubmitArticle submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submit);
        return ActAsync(id, () => submit.HandleAsync(new SubmitArticle.Command(id), cancellationToken), "Newsroom.Status.Submitted", null, cancellationToken);
    }

    public Task<IActionResult> OnPostReturnAsync(int id, string? comment, [FromServices] ReturnArticle returnArticle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(returnArticle);
        return ActAsync(id, () => returnArticle.HandleAsync(new ReturnArticle.Command(id, comment ?? ""), cancellationToken), "Newsroom.Status.Returned", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, string? publishAt, int? revision, [FromServices] PublishArticle publish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publish);
        if (!ArticleInput.TryParseLocal(publishAt, out var at))
        {
            var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
            if (opened is null)
            {
                return Refuse(refusal!);
            }

            await ShowAsync(opened, ArticleInput.From(opened.WorkingCopy, opened.Article.LatestRevision), cancellationToken);
            ActionProblem = new FieldProblem("publishAt", "Newsroom.PublishAt.Invalid");
            return Fail(StatusCodes.Status400BadRequest, "Newsroom.PublishAt.Invalid");
        }

        var now = Now;
        return await ActAsync(id, () => publish.HandleAsync(new PublishArticle.Command(id, revision, at), cancellationToken),
            "Newsroom.Status.Published", article => article.PublishedAt > now ? "Newsroom.Status.Scheduled" : null, cancellationToken);
    }

    public Task<IActionResult> OnPostUnpublishAsync(int id, [FromServices] UnpublishArticle unpublish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unpublish);
        return ActAsync(id, () => unpublish.HandleAsync(new UnpublishArticle.Command(id), cancellationToken), "Newsroom.Status.Unpublished", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, [FromServices] DeleteArticle delete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delete);
        var result = await delete.HandleAsync(new DeleteArticle.Command(id), cancellationToken);
        return result.Succeeded
            ? Done("Newsroom.Status.Deleted", ArticlesPageModel.ListUrl)
            : await FailedAsync(id, result, cancellationToken);
    }

    private async Task<IActionResult> ActAsync(
        int id, Func<Task<NewsroomResult>> act, string statusKey, Func<Article, string?>? statusOf, CancellationToken cancellationToken)
    {
        var result = await act();
        if (!result.Succeeded)
        {
            return await FailedAsync(id, result, cancellationToken);
        }

        if (statusOf is not null && await open.HandleAsync(id, cancellationToken) is ({ } opened, _))
        {
            statusKey = statusOf(opened.Article) ?? statusKey;
        }

        return Done(statusKey, EditUrl(id));
    }

    /// <summary>The article again, with why the action failed and its status.</summary>
    private async Task<IActionResult> FailedAsync(int id, NewsroomResult result, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        if (result.Outcome == NewsroomOutcome.NotFound)
        {
            return NotFound();
        }

        await ShowAsync(opened, ArticleInput.From(opened.WorkingCopy, opened.Article.LatestRevision), cancellationToken);
        if (result.MessageKey?.StartsWith("Newsroom.Return.", StringComparison.Ordinal) == true)
        {
            ActionProblem = new FieldProblem("comment", result.MessageKey);
        }

        return Fail(StatusOf(result.Outcome), result.MessageKey ?? "Error.Generic.Message");
    }

    private async Task ShowAsync(OpenArticle.Opened opened, ArticleInput input, CancellationToken cancellationToken)
    {
        Article = opened.Article;
        Input = input;
        Categories = await categories.HandleAsync(cancellationToken);
        Decisions = PageActions.ToDictionary(a => a, a => open.Can(opened.Article, a));
    }
}
