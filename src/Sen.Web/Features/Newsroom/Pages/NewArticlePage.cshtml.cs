using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>Starts an article (/admin/bai-viet/moi): the same form as the editor; saving creates the draft as revision 1.</summary>
[Authorize(Policy = NewsroomPolicies.Newsroom)]
public sealed class NewArticlePageModel(CategoryChoices categories) : NewsroomPageModel
{
    public ArticleInput Input { get; private set; } = new();

    public IReadOnlyList<CategoryChoices.Choice> Categories { get; private set; } = [];

    public FieldProblem? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await categories.HandleAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(ArticleInput input, [FromServices] CreateArticle create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(create);
        Input = input;
        Categories = await categories.HandleAsync(cancellationToken);
        var (fields, problem) = input.ToFields();
        if (fields is null)
        {
            Problem = problem;
            return Fail(StatusCodes.Status400BadRequest, problem!.MessageKey);
        }

        var result = await create.HandleAsync(new CreateArticle.Command(fields), cancellationToken);
        if (result.Succeeded)
        {
            return Done("Newsroom.Status.Created", EditUrl(result.ArticleId!.Value));
        }

        Problem = FieldProblem.ForKey(result.MessageKey);
        return Fail(StatusOf(result.Outcome), result.MessageKey ?? "Error.Generic.Message");
    }
}
