using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>
/// The working copy as readers would see it once published: the public article page's own partial and
/// layout. Under /admin, so never output-cached, no-store and noindex; and not a live page, so no view counts.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Newsroom)]
public sealed class PreviewArticlePageModel(OpenArticle open, SenDbContext db, TimeProvider clock) : NewsroomPageModel
{
    public ArticleContent? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await open.HandleAsync(id, cancellationToken);
        if (opened is null)
        {
            return Refuse(refusal!);
        }

        var fields = opened.WorkingCopy;
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Id == fields.CategoryId)
            .Select(c => new { c.Slug, c.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var article = opened.Article;
        var view = new ArticleView(article.Id, fields.Title, fields.Slug, fields.Lead, fields.BodyHtml, fields.CoverImageUrl, fields.CoverCaption,
            fields.AuthorName, fields.AuthorUnit, fields.PublishAt ?? article.PublishedAt ?? now, article.ViewCount, fields.CategoryId, category.Slug, category.Name);
        Article = new ArticleContent(view,
            await CategoryTrail.LoadAsync(db, fields.CategoryId, cancellationToken),
            await ArticlePageModel.OtherArticlesAsync(db, view, now, cancellationToken),
            LiveViewCount: false);
        return Page();
    }
}
