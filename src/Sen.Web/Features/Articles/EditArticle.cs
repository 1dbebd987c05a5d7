using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

/// <summary>Changes an article's text; the save evicts every cached page that shows it (<see cref="Infrastructure.Data.ContentChangeInterceptor"/>).</summary>
public sealed class EditArticle(SenDbContext db, SiteContext siteContext, TimeProvider clock)
{
    /// <summary>ExpectedVersion: the version the editor started from; a newer one in the database is a conflict.</summary>
    public sealed record Command(int ArticleId, string Title, string Lead, string BodyHtml, int? ExpectedVersion = null);

    public async Task<SaveResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == command.ArticleId && a.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return SaveResult.NotFound;
        }

        if (command.ExpectedVersion is int expected && expected != article.Version)
        {
            return SaveResult.Conflict;
        }

        article.Title = command.Title.Trim();
        article.Lead = command.Lead.Trim();
        article.BodyHtml = command.BodyHtml;
        article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
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
