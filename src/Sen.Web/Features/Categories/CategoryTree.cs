namespace Sen.Web.Features.Categories;

public static class CategoryTree
{
    /// <summary>Bounds a walk of a malformed (cyclic or huge) tree.</summary>
    public const int MaxNodes = 1000;

    /// <summary>The category and all its descendants, breadth first: what a category page lists.</summary>
    public static List<int> WithDescendants<T>(int rootId, IReadOnlyCollection<T> categories, Func<T, int> id, Func<T, int?> parentId)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(parentId);
        var ids = new List<int> { rootId };
        for (var i = 0; i < ids.Count && ids.Count < MaxNodes; i++)
        {
            var parent = ids[i];
            ids.AddRange(categories.Where(c => parentId(c) == parent).Select(id).Where(child => !ids.Contains(child)));
        }

        return ids;
    }
}
