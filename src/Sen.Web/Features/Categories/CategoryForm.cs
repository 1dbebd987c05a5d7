namespace Sen.Web.Features.Categories;

/// <summary>The category form as posted (an unticked box posts nothing, so the flags bind as false).</summary>
public sealed class CategoryForm
{
    public string? Name { get; set; }

    public string? Slug { get; set; }

    public int? ParentId { get; set; }

    public string? Description { get; set; }

    public bool ShowInMenu { get; set; }

    public bool ShowInSideMenu { get; set; }

    public CategoryFields ToFields() => new(Name ?? "", Slug, ParentId, Description, ShowInMenu, ShowInSideMenu);

    public static CategoryForm From(ListCategoryTree.Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new()
        {
            Name = node.Name,
            Slug = node.Slug,
            ParentId = node.ParentId,
            Description = node.Description,
            ShowInMenu = node.ShowInMenu,
            ShowInSideMenu = node.ShowInSideMenu,
        };
    }
}

/// <summary>What the form partial shows: the values, the parents it may offer (never the category's own subtree), the ids' prefix.</summary>
public sealed record CategoryFormView(CategoryForm Form, IReadOnlyList<(ListCategoryTree.Node Node, int Depth)> Parents, string IdPrefix);
