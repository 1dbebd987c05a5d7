using Sen.Web.Text;

namespace Sen.Web.Features.Categories;

/// <summary>What the newsroom edits of a category; <see cref="Clean"/> checks it the same way for a new and an existing one.</summary>
public sealed record CategoryFields(
    string Name,
    string? Slug = null,
    int? ParentId = null,
    string? Description = null,
    bool ShowInMenu = true,
    bool ShowInSideMenu = false)
{
    public const int MaxNameLength = 200;

    public const int MaxDescriptionLength = 1000;

    /// <summary>The fields trimmed and NFC, the slug suggested from the name when empty; or the key of the first problem.</summary>
    public (CategoryFields Fields, string? ProblemKey) Clean()
    {
        var name = VietnameseText.Nfc(Name)?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return (this, "Category.Name.Invalid");
        }

        var description = VietnameseText.Nfc(Description)?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
        {
            return (this, "Category.Description.TooLong");
        }

        var slug = string.IsNullOrWhiteSpace(Slug) ? Text.Slug.From(name) : Slug.Trim();
        var cleaned = this with { Name = name, Slug = slug, Description = description };
        return (cleaned, CategorySlugs.Problem(slug));
    }
}
