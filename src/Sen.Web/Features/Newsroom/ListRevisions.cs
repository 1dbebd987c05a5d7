using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Features.Newsroom;

/// <summary>An article's revisions, newest first, for anyone in the newsroom.</summary>
public sealed class ListRevisions(ArticleTransitions transitions)
{
    public sealed record Query(int ArticleId);

    public sealed record Item(int Number, DateTime SavedAt, int? SavedById, string SavedByName, string Title, string? Note, int? RestoredFrom, bool IsPublished, bool IsWorkingCopy);

    /// <summary>Null when the article is not in this site or the user is not in the newsroom.</summary>
    public async Task<IReadOnlyList<Item>?> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!SenRoles.All.Any(transitions.Actor.IsIn))
        {
            return null;
        }

        var siteId = await transitions.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var article = await transitions.Db.Articles.AsNoTracking()
            .Where(a => a.Id == query.ArticleId && a.SiteId == siteId)
            .Select(a => new { a.LatestRevision, a.PublishedRevision })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return null;
        }

        return await transitions.Db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == query.ArticleId)
            .OrderByDescending(r => r.Number)
            .Select(r => new Item(r.Number, r.SavedAt, r.SavedById, r.SavedByName, r.Title, r.Note, r.RestoredFrom,
                r.Number == article.PublishedRevision, r.Number == article.LatestRevision))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
