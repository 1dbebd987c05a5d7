using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Admin;

/// <summary>
/// What the dashboard shows the person signed in: what waits for them (approvers), their own drafts and
/// returned articles, and the readers' views of the current site by Vietnam day (ArticleViewsDaily).
/// </summary>
public sealed class LoadDashboard(SenDbContext db, SiteContext siteContext, CurrentUser currentUser, TimeProvider clock)
{
    public const int ListSize = 20;
    public const int TopCount = 10;
    public const int TopDays = 7;
    public const int ChartDays = 30;

    /// <summary>An article in one of the lists: its working title, who wrote it, when it got there, the return comment.</summary>
    public sealed record ArticleRow(int Id, string Title, string? Writer, DateTime At, string? Comment = null);

    public sealed record TopArticle(int Id, string Title, long Views);

    public sealed record Result(
        IReadOnlyList<ArticleRow>? Waiting,
        IReadOnlyList<ArticleRow> Drafts,
        IReadOnlyList<ArticleRow> Returned,
        DateOnly Today,
        IReadOnlyList<TopArticle> Top,
        IReadOnlyList<DayViews> Days)
    {
        public long TodayViews => Days.Count == 0 ? 0 : Days[^1].Views;
    }

    public async Task<Result> HandleAsync(CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var siteId = (await siteContext.GetAsync(cancellationToken).ConfigureAwait(false)).Id;
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow().UtcDateTime));

        var waiting = actor.IsIn(SenRoles.Approver) || actor.IsIn(SenRoles.Admin)
            ? await WaitingAsync(siteId, cancellationToken).ConfigureAwait(false)
            : null;
        var drafts = await OwnAsync(siteId, actor.UserId, ReviewState.Draft, cancellationToken).ConfigureAwait(false);
        var returned = await OwnAsync(siteId, actor.UserId, ReviewState.Returned, cancellationToken).ConfigureAwait(false);
        var days = await DaysAsync(siteId, today, cancellationToken).ConfigureAwait(false);
        var top = await TopAsync(siteId, today, cancellationToken).ConfigureAwait(false);
        return new Result(waiting, drafts, returned, today, top, days);
    }

    /// <summary>Submissions, the longest waiting first; "submitted when" is the time of the last submission in the audit log.</summary>
    private async Task<IReadOnlyList<ArticleRow>> WaitingAsync(int siteId, CancellationToken cancellationToken)
    {
        var articles = await WorkingCopies(siteId, ReviewState.Submitted)
            .OrderBy(a => a.UpdatedAt).Take(ListSize * 5)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = articles.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var submitted = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Article" && ids.Contains(e.EntityId!) && e.Action == AuditActions.ArticleSubmitted)
            .GroupBy(e => e.EntityId!)
            .Select(g => new { Id = g.Key, At = g.Max(e => e.At) })
            .ToDictionaryAsync(s => s.Id, s => s.At, cancellationToken).ConfigureAwait(false);
        var writers = await WritersAsync(articles.Select(a => a.OwnerId), cancellationToken).ConfigureAwait(false);
        return articles
            .Select(a => new ArticleRow(
                a.Id,
                a.Title,
                a.OwnerId is { } owner ? writers.GetValueOrDefault(owner) : null,
                submitted.GetValueOrDefault(a.Id.ToString(CultureInfo.InvariantCulture), a.UpdatedAt)))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Take(ListSize)
            .ToList();
    }

    /// <summary>The user's own articles in <paramref name="state"/>, the most recently changed first.</summary>
    private async Task<IReadOnlyList<ArticleRow>> OwnAsync(int siteId, int? userId, ReviewState state, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return [];
        }

        var articles = await WorkingCopies(siteId, state)
            .Where(a => a.OwnerId == userId)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(ListSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return articles.Select(a => new ArticleRow(a.Id, a.Title, null, a.UpdatedAt, a.ReviewComment)).ToList();
    }

    // Set by an initializer, not a constructor: EF can go on filtering and sorting by members it assigned.
    private sealed class WorkingCopy
    {
        public int Id { get; init; }

        public string Title { get; init; } = "";

        public int? OwnerId { get; init; }

        public DateTime UpdatedAt { get; init; }

        public string? ReviewComment { get; init; }
    }

    /// <summary>Articles of the site in a review state, outside the bin, with the title of their working copy (the newest revision).</summary>
    private IQueryable<WorkingCopy> WorkingCopies(int siteId, ReviewState state) =>
        from a in db.Articles.AsNoTracking()
        where a.SiteId == siteId && a.Review == state && a.DeletedAt == null
        join r in db.ArticleRevisions on new { ArticleId = a.Id, Number = a.LatestRevision } equals new { r.ArticleId, r.Number } into revisions
        from r in revisions.DefaultIfEmpty()
        select new WorkingCopy { Id = a.Id, Title = r != null ? r.Title : a.Title, OwnerId = a.OwnerId, UpdatedAt = a.UpdatedAt, ReviewComment = a.ReviewComment };

    private async Task<Dictionary<int, string>> WritersAsync(IEnumerable<int?> ownerIds, CancellationToken cancellationToken)
    {
        var ids = ownerIds.OfType<int>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName == "" ? u.Email ?? "" : u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Views per day of the last <see cref="ChartDays"/> days, today last; days nobody read anything are 0.</summary>
    private async Task<IReadOnlyList<DayViews>> DaysAsync(int siteId, DateOnly today, CancellationToken cancellationToken)
    {
        var first = today.AddDays(1 - ChartDays);
        var stored = await (from v in db.ArticleViewsDaily
                            join a in db.Articles on v.ArticleId equals a.Id
                            where a.SiteId == siteId && v.Day >= first && v.Day <= today
                            group v by v.Day into day
                            select new { Day = day.Key, Views = day.Sum(v => v.Views) })
            .ToDictionaryAsync(d => d.Day, d => d.Views, cancellationToken).ConfigureAwait(false);
        return Enumerable.Range(0, ChartDays).Select(i => first.AddDays(i)).Select(d => new DayViews(d, stored.GetValueOrDefault(d))).ToList();
    }

    private async Task<IReadOnlyList<TopArticle>> TopAsync(int siteId, DateOnly today, CancellationToken cancellationToken)
    {
        var first = today.AddDays(1 - TopDays);
        var top = await (from v in db.ArticleViewsDaily
                         join a in db.Articles on v.ArticleId equals a.Id
                         where a.SiteId == siteId && v.Day >= first && v.Day <= today
                         group v by v.ArticleId into article
                         select new { Id = article.Key, Views = article.Sum(v => v.Views) })
            .OrderByDescending(a => a.Views).ThenBy(a => a.Id).Take(TopCount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = top.Select(t => t.Id).ToList();
        var titles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title })
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken).ConfigureAwait(false);
        return top.Select(t => new TopArticle(t.Id, titles.GetValueOrDefault(t.Id, ""), t.Views)).ToList();
    }
}

/// <summary>Readers' views of the site on one Vietnam day.</summary>
public sealed record DayViews(DateOnly Day, long Views);
