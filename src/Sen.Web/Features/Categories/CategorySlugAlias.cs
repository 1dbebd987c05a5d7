namespace Sen.Web.Features.Categories;

/// <summary>
/// A slug a category had before it was changed: its old category and article URLs answer 301 to the
/// new ones (read only when no category has the slug, so existing pages pay nothing for it).
/// </summary>
public sealed class CategorySlugAlias
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public required string Slug { get; set; }

    public int CategoryId { get; set; }
}
