using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>The current site's categories for the newsroom, in menu order, with how many articles each holds.</summary>
public sealed class ListCategoryTree(SenDbContext db, SiteContext siteContext)
{
    public sealed record Node(int Id, int? ParentId, string Name, string Slug, string Description, bool ShowInMenu, bool ShowInSideMenu, int ArticleCount)
    {
        public List<Node> Children { get; } = [];
    }

    /// <summary>The roots, each with its children in order.</summary>
    public async Task<IReadOnlyList<Node>> HandleAsync(CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var nodes = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new Node(c.Id, c.ParentId, c.Name, c.Slug, c.Description, c.ShowInMenu, c.ShowInSideMenu, db.Articles.Count(a => a.CategoryId == c.Id && a.DeletedAt == null)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = nodes.ToDictionary(n => n.Id);
        var roots = new List<Node>();
        foreach (var node in nodes)
        {
            if (node.ParentId is int parent && byId.TryGetValue(parent, out var parentNode))
            {
                parentNode.Children.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        return roots;
    }

    /// <summary>Every node under <paramref name="roots"/>, depth first, with its depth (for a parent picker).</summary>
    public static IEnumerable<(Node Node, int Depth)> Flatten(IEnumerable<Node> roots, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(roots);
        foreach (var node in roots)
        {
            yield return (node, depth);
            foreach (var child in Flatten(node.Children, depth + 1))
            {
                yield return child;
            }
        }
    }
}
