using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Text;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// The newsroom's article list: writers see their own articles, approvers and administrators all of the
/// current site's; filtered by state, owner, category and title (diacritics and đ folded), newest change first.
/// </summary>
public sealed class ListArticles(ArticleTransitions transitions)
{
    public const int PageSize = 20;

    public const int MaxSearchLength = 200;

    public enum StateFilter
    {
        Draft,
        Submitted,
        Returned,
        Published,

        /// <summary>Published with a publication time still to come.</summary>
        Scheduled,
        Unpublished,
    }

    /// <summary><paramref name="InBin"/>: the bin's articles instead of the others.</summary>
    public sealed record Query(StateFilter? State = null, bool Mine = false, int? CategoryId = null, string? Search = null, int Page = 1, bool InBin = false);

    public sealed record Row(
        int Id, string Title, string CategoryName, ArticleStatus Status, ReviewState Review, DateTime? PublishedAt,
        string OwnerName, DateTime SavedAt, int Revision, DateTime? DeletedAt);

    public sealed record Result(IReadOnlyList<Row> Rows, int TotalCount, int Page, int PageCount);

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = transitions.Actor;
        if (!SenRoles.All.Any(actor.IsIn))
        {
            return new([], 0, 1, 1);
        }

        var db = transitions.Db;
        var siteId = await transitions.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var now = transitions.Now;
        var articles = db.Articles.AsNoTracking().Where(a => a.SiteId == siteId);
        articles = query.InBin ? articles.Where(a => a.DeletedAt != null) : articles.Where(a => a.DeletedAt == null);

        var onlyOwn = !actor.IsIn(SenRoles.Admin) && !actor.IsIn(SenRoles.Approver);
        if (onlyOwn || query.Mine)
        {
            var me = actor.UserId ?? -1;
            articles = articles.Where(a => a.OwnerId == me);
        }

        if (query.CategoryId is int categoryId)
        {
            articles = articles.Where(a => a.CategoryId == categoryId);
        }

        articles = query.State switch
        {
            StateFilter.Draft => articles.Where(a => a.Review == ReviewState.Draft),
            StateFilter.Submitted => articles.Where(a => a.Review == ReviewState.Submitted),
            StateFilter.Returned => articles.Where(a => a.Review == ReviewState.Returned),
            StateFilter.Published => articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now),
            StateFilter.Scheduled => articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now),
            StateFilter.Unpublished => articles.Where(a => a.Status == ArticleStatus.Unpublished),
            _ => articles,
        };

        // The working copy's title is the one the newsroom knows the article by.
        var rows = articles.Select(a => new
        {
            a.Id,
            Title = db.ArticleRevisions.Where(r => r.ArticleId == a.Id && r.Number == a.LatestRevision).Select(r => r.Title).FirstOrDefault() ?? a.Title,
            a.UpdatedAt,
        });

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Titles are stored as written, so folding happens here: the candidates' ids and titles only,
            // which stays small next to what a newsroom of one site holds.
            var wanted = VietnameseText.Fold(VietnameseText.Nfc(query.Search.Trim()));
            var matching = (await rows.Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Where(r => VietnameseText.Fold(r.Title).Contains(wanted, StringComparison.Ordinal))
                .Select(r => r.Id)
                .ToList();
            rows = rows.Where(r => matching.Contains(r.Id));
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var ids = await rows.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Skip((query.Page - 1) * PageSize).Take(PageSize)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var page = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new Row(
                a.Id,
                db.ArticleRevisions.Where(r => r.ArticleId == a.Id && r.Number == a.LatestRevision).Select(r => r.Title).FirstOrDefault() ?? a.Title,
                a.Category!.Name,
                a.Status,
                a.Review,
                a.PublishedAt,
                db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                db.ArticleRevisions.Where(r => r.ArticleId == a.Id && r.Number == a.LatestRevision).Select(r => (DateTime?)r.SavedAt).FirstOrDefault() ?? a.UpdatedAt,
                a.LatestRevision,
                a.DeletedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(page.OrderBy(r => ids.IndexOf(r.Id)).ToList(), total, query.Page, pageCount);
    }
}
