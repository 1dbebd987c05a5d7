using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Categories;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Import.Pipeline;

/// <summary>
/// Where an item lands: the category its path is mapped to (`--map`, matched at any level from the leaf up), or
/// the path's categories found by slug or created under each other (kept out of the menu: the editor decides).
/// </summary>
internal sealed class ImportCategories(SenDbContext db, int siteId, ImportOptions options, DateTime now)
{
    /// <summary>The default category of items without a path when the run names none.</summary>
    public const string FallbackName = "Bài viết cũ";

    private readonly Dictionary<string, ImportCategory> bySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportCategory> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportCategory> mapped = new(StringComparer.Ordinal);
    private int sortOrder;

    /// <summary>Reads the site's categories and checks the maps; the message names a map target that does not exist.</summary>
    public async Task<string?> LoadAsync(CancellationToken cancellationToken)
    {
        bySlug.Clear();
        byName.Clear();
        mapped.Clear();
        var rows = await db.Categories.AsNoTracking().Where(c => c.SiteId == siteId)
            .Select(c => new { c.Id, c.Slug, c.Name, c.SortOrder }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var category = new ImportCategory(row.Id, row.Slug);
            bySlug[row.Slug] = category;
            byName.TryAdd(Key(row.Name), category);
        }

        sortOrder = rows.Count == 0 ? 0 : rows.Max(r => r.SortOrder);
        foreach (var map in options.Maps ?? [])
        {
            if (Existing(map.To) is not { } target)
            {
                return $"Không có chuyên mục đích của --map / no target category for --map: {map}";
            }

            mapped[Key(map.From)] = target;
            mapped[CategorySlugs.ForName(map.From)] = target;
        }

        if (options.DefaultCategory is { } fallback && Existing(fallback) is null)
        {
            return $"Không có chuyên mục / no category: {fallback}";
        }

        return null;
    }

    /// <summary>The category for <paramref name="path"/>, creating the missing ones (saved at once, inside the caller's transaction).</summary>
    public async Task<ImportCategory> ResolveAsync(IReadOnlyList<string> path, CancellationToken cancellationToken)
    {
        var names = path.Select(n => VietnameseText.Nfc(n)!.Trim()).Where(n => n.Length > 0).ToList();
        for (var i = names.Count - 1; i >= 0; i--)
        {
            if (mapped.TryGetValue(Key(names[i]), out var target) || mapped.TryGetValue(CategorySlugs.ForName(names[i]), out target))
            {
                return target;
            }
        }

        if (names.Count == 0)
        {
            return options.DefaultCategory is { } fallback
                ? Existing(fallback)!
                : await FindOrCreateAsync(FallbackName, null, cancellationToken).ConfigureAwait(false);
        }

        ImportCategory? parent = null;
        foreach (var name in names)
        {
            parent = await FindOrCreateAsync(name, parent, cancellationToken).ConfigureAwait(false);
        }

        return parent!;
    }

    private ImportCategory? Existing(string slugOrName) =>
        bySlug.GetValueOrDefault(slugOrName.Trim()) ?? byName.GetValueOrDefault(Key(slugOrName));

    private async Task<ImportCategory> FindOrCreateAsync(string name, ImportCategory? parent, CancellationToken cancellationToken)
    {
        var slug = CategorySlugs.ForName(name);
        if (bySlug.TryGetValue(slug, out var found))
        {
            return found;
        }

        var category = new Category
        {
            SiteId = siteId,
            Name = name.Length > 200 ? name[..200] : name,
            Slug = slug,
            ParentId = parent?.Id,
            SortOrder = ++sortOrder,
            ShowInMenu = false,
            UpdatedAt = now,
        };
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.Entry(category).State = EntityState.Detached;
        var created = new ImportCategory(category.Id, slug);
        bySlug[slug] = created;
        byName.TryAdd(Key(name), created);
        return created;
    }

    private static string Key(string name) => VietnameseText.Nfc(name)!.Trim().ToUpperInvariant();
}

internal sealed record ImportCategory(int Id, string Slug);
