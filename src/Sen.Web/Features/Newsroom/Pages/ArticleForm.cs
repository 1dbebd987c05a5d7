namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>What _ArticleForm.cshtml shows: the fields, the category tree, the problem to point at, and whether saving is allowed.</summary>
public sealed record ArticleForm(ArticleInput Input, IReadOnlyList<CategoryChoices.Choice> Categories, FieldProblem? Problem, bool CanSave, string? CannotSaveKey)
{
    public bool IsWrong(string field) => Problem?.Field == field;

    /// <summary>The id of the field's message element, for aria-describedby.</summary>
    public static string ErrorId(string field) => field + "-error";
}
