namespace Sen.Web.Features.Categories;

/// <summary>A node of the category tree ("Đảng Cộng sản Việt Nam" › "Khóa IX").</summary>
public sealed class Category
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public int? ParentId { get; set; }

    public Category? Parent { get; set; }

    public List<Category> Children { get; } = [];

    public required string Name { get; set; }

    /// <summary>Unique per site; the first segment of the category's and its articles' URLs.</summary>
    public required string Slug { get; set; }

    public string Description { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>A top-level category shown in the main menu.</summary>
    public bool ShowInMenu { get; set; } = true;

    /// <summary>A root shown with its children in the side menu, as "Đảng Cộng sản Việt Nam" with its congress terms.</summary>
    public bool ShowInSideMenu { get; set; }

    public DateTime UpdatedAt { get; set; }
}
