using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Import;

/// <summary>Stores a parsed legacy page as a published article of a category, keeping its date, views and author.</summary>
public sealed class ImportLegacyPage(SenDbContext db, TimeProvider clock)
{
    public sealed record Command(int SiteId, int CategoryId, LegacyPage Page, string? ImageUrl);

    public async Task<Article> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var page = command.Page;
        var caption = page.Body.OfType<LegacyCaption>().FirstOrDefault()?.Text ?? page.Title;
        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            SiteId = command.SiteId,
            CategoryId = command.CategoryId,
            Title = page.Title,
            Slug = Slug.From(page.Title),
            BodyHtml = LegacyArticleHtml.ToBodyHtml(page.Body, command.ImageUrl, caption),
            AuthorName = page.AuthorName,
            AuthorUnit = page.AuthorUnit,
            Status = ArticleStatus.Published,
            PublishedAt = VietnamTime.ToUtc(page.PublishedAtLocal),
            ViewCount = page.Views,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return article;
    }

    /// <summary>Finds the side-menu categories a page names, creating the missing ones under their root.</summary>
    public async Task EnsureSideMenuAsync(int siteId, IReadOnlyList<LegacyMenuItem> menu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Categories.Where(c => c.SiteId == siteId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var order = existing.Count == 0 ? 0 : existing.Max(c => c.SortOrder);
        foreach (var root in menu)
        {
            var rootCategory = FindOrAdd(root.Name, null, showInMenu: false, showInSideMenu: true);
            var childOrder = 0;
            foreach (var child in root.Children)
            {
                var category = FindOrAdd(child.Name, rootCategory, showInMenu: true, showInSideMenu: false);
                category.SortOrder = ++childOrder;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        Category FindOrAdd(string name, Category? parent, bool showInMenu, bool showInSideMenu)
        {
            var slug = CategorySlugs.ForName(name);
            var category = existing.FirstOrDefault(c => c.Slug == slug);
            if (category is null)
            {
                category = new Category
                {
                    SiteId = siteId,
                    Name = name,
                    Slug = slug,
                    Parent = parent,
                    SortOrder = ++order,
                    ShowInMenu = showInMenu,
                    ShowInSideMenu = showInSideMenu,
                    UpdatedAt = now,
                };
                existing.Add(category);
                db.Categories.Add(category);
            }

            return category;
        }
    }
}
