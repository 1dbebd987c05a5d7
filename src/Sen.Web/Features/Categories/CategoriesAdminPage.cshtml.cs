using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>Administrators see the category tree, add categories and order siblings (with buttons, so the keyboard can).</summary>
[Authorize(Policy = NewsroomPolicies.Administer)]
public sealed class CategoriesAdminPageModel(ListCategoryTree tree, CreateCategory create, MoveCategory move, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ListCategoryTree.Node> Roots { get; private set; } = [];

    public CategoryForm Form { get; private set; } = new() { ShowInMenu = true };

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public CategoryFormView FormView => new(Form, [.. ListCategoryTree.Flatten(Roots)], "new");

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Notice = AdminNotices.For(done, text);
        Roots = await tree.HandleAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync([FromForm] CategoryForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = form.ToFields();
        var result = await create.HandleAsync(
            new CreateCategory.Command(fields.Name, fields.Slug, fields.ParentId, fields.ShowInMenu, fields.Description, fields.ShowInSideMenu), cancellationToken);
        if (result.Created)
        {
            return RedirectToPage(new { done = AdminNotices.Created });
        }

        Form = form;
        Errors = [text[result.ProblemKey!]];
        Response.StatusCode = result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Roots = await tree.HandleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string? direction, CancellationToken cancellationToken)
    {
        if (direction is not ("up" or "down"))
        {
            return BadRequest();
        }

        return await move.HandleAsync(new MoveCategory.Command(id, direction == "up"), cancellationToken) == SaveResult.NotFound
            ? NotFound()
            : RedirectToPage(new { done = AdminNotices.Moved });
    }
}
