using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// What every newsroom handler does around its own step: find the article in the current site, ask the
/// workflow, add revisions, record the audit entry and commit, all in one SaveChanges.
/// </summary>
public sealed class ArticleTransitions(
    SenDbContext db,
    SiteContext siteContext,
    CurrentUser currentUser,
    AuditLog audit,
    IOptions<WorkflowOptions> options,
    TimeProvider clock,
    IEnumerable<IArticleTransitionObserver> observers)
{
    private readonly List<ArticleTransition> recorded = [];

    public SenDbContext Db => db;

    public Actor Actor => currentUser.Actor;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<int> SiteIdAsync(CancellationToken cancellationToken) =>
        (await siteContext.GetAsync(cancellationToken).ConfigureAwait(false)).Id;

    /// <summary>The article with this id in the current site (in the bin or not), tracked.</summary>
    public async Task<Article?> FindAsync(int articleId, CancellationToken cancellationToken)
    {
        var siteId = await SiteIdAsync(cancellationToken).ConfigureAwait(false);
        return await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId && a.SiteId == siteId, cancellationToken).ConfigureAwait(false);
    }

    public WorkflowDecision Decide(Article? article, WorkflowAction action) =>
        ArticleWorkflow.Can(Actor, article is null ? null : WorkflowSubject.Of(article), action, options.Value.AllowSelfApproval);

    public Task<bool> CategoryInSiteAsync(int categoryId, int siteId, CancellationToken cancellationToken) =>
        db.Categories.AnyAsync(c => c.Id == categoryId && c.SiteId == siteId, cancellationToken);

    /// <summary>The working copy: the newest revision, or the article's own fields when it has none yet.</summary>
    public async Task<(ArticleFields Fields, ArticleRevision? Revision)> WorkingCopyAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var revision = await RevisionAsync(article.Id, article.LatestRevision, cancellationToken).ConfigureAwait(false);
        return revision is null ? (ArticleFields.Of(article), null) : (ArticleFields.Of(revision), revision);
    }

    public Task<ArticleRevision?> RevisionAsync(int articleId, int number, CancellationToken cancellationToken) =>
        db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Number == number, cancellationToken);

    /// <summary>Adds the next revision of <paramref name="article"/> (saved by the current actor) and makes it the working copy.</summary>
    public ArticleRevision AddRevision(Article article, ArticleFields fields, string? note = null, int? restoredFrom = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(fields);
        if (article.LatestRevision == 0 && article.Id != 0 && article.Status != ArticleStatus.Draft)
        {
            // Came in without revisions (importer, generator) since the last start-up backfill: keep
            // what readers see as revision 1, so it can still be compared and restored.
            AddRevisionRow(article, ArticleFields.Of(article), RevisionNotes.FromPublished, null, byActor: false);
            article.PublishedRevision = article.LatestRevision;
        }

        return AddRevisionRow(article, fields, note, restoredFrom, byActor: true);
    }

    /// <summary>
    /// Stamps the article as changed and adds the audit entry with its changed fields, before and after; the
    /// observers hear of <paramref name="action"/> as the step commits (<see cref="TryCommitAsync"/>).
    /// </summary>
    public AuditEntry Record(WorkflowAction action, string auditAction, Article article, string summary)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.UpdatedAt = Now;
        article.Version++;
        var entry = db.Entry(article);
        recorded.Add(new ArticleTransition(
            article,
            action,
            Actor,
            entry.Property(a => a.SubmittedById).OriginalValue,
            action == WorkflowAction.Return ? article.ReviewComment : null));
        return audit.Record(auditAction, "Article", article.Id.ToString(CultureInfo.InvariantCulture), summary, entry, article.SiteId);
    }

    /// <summary>
    /// A transition that changes only the article row: the state the workflow table leads to, then
    /// <paramref name="change"/>, the audit entry, one commit.
    /// </summary>
    /// <summary>
    /// Finds, decides, changes, records and commits one step. <paramref name="inputProblem"/>: the strings.tsv key of
    /// what is wrong with the request's own input, asked only once the user may take the step, so that someone who
    /// may not learns nothing from validation messages.
    /// </summary>
    public async Task<NewsroomResult> ApplyAsync(
        int articleId, WorkflowAction action, string auditAction, Action<Article>? change, CancellationToken cancellationToken, string? inputProblem = null)
    {
        var article = await FindAsync(articleId, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return NewsroomResult.NotFound;
        }

        var decision = Decide(article, action);
        if (!decision.Allowed)
        {
            return NewsroomResult.Forbidden(decision.ReasonKey!);
        }

        if (inputProblem is not null)
        {
            return NewsroomResult.Invalid(inputProblem);
        }

        Enter(article, decision.Transition!);
        change?.Invoke(article);
        Record(action, auditAction, article, article.Title);
        return await TryCommitAsync(cancellationToken).ConfigureAwait(false)
            ? NewsroomResult.Done(article.Id, article.LatestRevision)
            : new NewsroomResult(NewsroomOutcome.Conflict, "Newsroom.Article.Conflict", articleId);
    }

    public static void Enter(Article article, WorkflowTransition transition)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(transition);
        article.Review = transition.ToReview ?? article.Review;
        article.Status = transition.ToStatus ?? article.Status;
    }

    /// <summary>
    /// Lets the observers add their rows for the recorded steps, then commits; a concurrent change to the same
    /// article (its version or revision number moved on) is a conflict, not an error.
    /// </summary>
    public async Task<bool> TryCommitAsync(CancellationToken cancellationToken)
    {
        var steps = recorded.ToList();
        recorded.Clear();
        foreach (var step in steps)
        {
            foreach (var observer in observers)
            {
                await observer.OnTransitionAsync(step, cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.Entries.Any(e => e.Entity is ArticleRevision))
        {
            // The article's version moved on, or the (ArticleId, Number) index refused a revision number another
            // save took first. Anything else is a bug and is left to throw.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private ArticleRevision AddRevisionRow(Article article, ArticleFields fields, string? note, int? restoredFrom, bool byActor)
    {
        var revision = new ArticleRevision
        {
            ArticleId = article.Id,
            Number = article.LatestRevision + 1,
            Title = fields.Title,
            Slug = fields.Slug,
            SavedAt = Now,
            SavedById = byActor ? Actor.UserId : null,
            SavedByName = byActor ? Actor.Name : "",
            Note = note,
            RestoredFrom = restoredFrom,
        };
        fields.CopyTo(revision);
        db.ArticleRevisions.Add(revision);
        article.LatestRevision = revision.Number;
        return revision;
    }
}
