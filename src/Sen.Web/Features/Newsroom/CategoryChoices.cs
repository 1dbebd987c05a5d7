using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Newsroom;

/// <summary>The current site's categories as the editor's select shows them: the tree, depth first, children indented.</summary>
public sealed class CategoryChoices(SenDbContext db, SiteContext siteContext)
{
    public sealed record Choice(int Id, string Name, int Depth, string Slug = "")
    {
        /// <summary>The name indented by its depth (options cannot be styled per level everywhere).</summary>
        public string Label => new string('\u00a0', Depth * 3) + (Depth > 0 ? "– " : "") + Name;
    }

    public async Task<IReadOnlyList<Choice>> HandleAsync(CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var all = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .Select(c => new { c.Id, c.ParentId, c.Name, c.SortOrder, c.Slug })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = all.Select(c => c.Id).ToHashSet();
        var children = all.ToLookup(c => c.ParentId is int p && ids.Contains(p) ? p : (int?)null);
        var choices = new List<Choice>();
        var seen = new HashSet<int>();

        void Walk(int? parent, int depth)
        {
            foreach (var c in children[parent].OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal))
            {
                if (choices.Count < CategoryTree.MaxNodes && seen.Add(c.Id))
                {
                    choices.Add(new Choice(c.Id, c.Name, depth, c.Slug));
                    Walk(c.Id, depth + 1);
                }
            }
        }

        Walk(null, 0);
        return choices;
    }
}
