using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

/// <summary>Publishes (or takes down) an article; the save evicts the pages that list or show it (<see cref="Infrastructure.Data.ContentChangeInterceptor"/>).</summary>
public sealed class PublishArticle(SenDbContext db, SiteContext siteContext, TimeProvider clock)
{
    /// <summary>Publish = false takes the article down (Unpublished).</summary>
    public sealed record Command(int ArticleId, bool Publish = true);

    public async Task<SaveResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == command.ArticleId && a.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return SaveResult.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        article.Status = command.Publish ? ArticleStatus.Published : ArticleStatus.Unpublished;
        if (command.Publish)
        {
            article.PublishedAt ??= now;
        }

        article.UpdatedAt = now;
        article.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }

        return SaveResult.Saved;
    }
}
