using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>Administrators change one category, or delete it when it is empty (after ticking a confirmation).</summary>
[Authorize(Policy = NewsroomPolicies.Administer)]
public sealed class CategoryEditPageModel(ListCategoryTree tree, EditCategory edit, DeleteCategory delete, IStringLocalizer<SharedResource> text) : PageModel
{
    public ListCategoryTree.Node Category { get; private set; } = null!;

    public CategoryForm Form { get; private set; } = new();

    public IReadOnlyList<(ListCategoryTree.Node Node, int Depth)> Parents { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public CategoryFormView FormView => new(Form, Parents, "edit");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = CategoryForm.From(Category);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromForm] CategoryForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await edit.HandleAsync(new EditCategory.Command(id, form.ToFields()), cancellationToken);
        if (result.Outcome == SaveResult.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (result.Saved)
        {
            return RedirectToPage("/Categories/CategoriesAdminPage", new { done = AdminNotices.Saved });
        }

        Form = form;
        return Refused(result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, result.ProblemKey!);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = CategoryForm.From(Category);
        if (!confirm)
        {
            return Refused(StatusCodes.Status400BadRequest, "Admin.Delete.NotConfirmed");
        }

        var result = await delete.HandleAsync(id, cancellationToken);
        return result.Outcome switch
        {
            SaveResult.NotFound => NotFound(),
            SaveResult.Conflict => Refused(StatusCodes.Status409Conflict, result.ProblemKey!),
            _ => RedirectToPage("/Categories/CategoriesAdminPage", new { done = AdminNotices.Deleted }),
        };
    }

    private PageResult Refused(int status, string problemKey)
    {
        Errors = [text[problemKey]];
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var roots = await tree.HandleAsync(cancellationToken);
        var all = ListCategoryTree.Flatten(roots).ToList();
        var found = all.FirstOrDefault(n => n.Node.Id == id).Node;
        if (found is null)
        {
            return false;
        }

        // Its own subtree is no place to move it to.
        var subtree = ListCategoryTree.Flatten([found]).Select(n => n.Node.Id).ToHashSet();
        Category = found;
        Parents = [.. all.Where(n => !subtree.Contains(n.Node.Id))];
        return true;
    }
}
