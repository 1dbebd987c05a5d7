using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>Starts an article: a draft owned by its writer, with its fields as revision 1. Readers see nothing of it.</summary>
public sealed class CreateArticle(ArticleTransitions transitions)
{
    public sealed record Command(ArticleFields Fields);

    public async Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decision = transitions.Decide(null, WorkflowAction.Create);
        if (!decision.Allowed)
        {
            return NewsroomResult.Forbidden(decision.ReasonKey!);
        }

        var fields = command.Fields.Normalized();
        var siteId = await transitions.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        if (fields.Problem() is { } problem)
        {
            return NewsroomResult.Invalid(problem);
        }

        if (!await transitions.CategoryInSiteAsync(fields.CategoryId, siteId, cancellationToken).ConfigureAwait(false))
        {
            return NewsroomResult.Invalid("Newsroom.Category.NotFound");
        }

        var now = transitions.Now;
        var article = new Article
        {
            SiteId = siteId,
            Title = fields.Title,
            Slug = fields.Slug,
            Status = ArticleStatus.Draft,
            Review = ReviewState.Draft,
            OwnerId = transitions.Actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        fields.CopyTo(article);

        // The revision and the audit entry name the article's id, which the database assigns: both
        // saves commit together or not at all.
        var db = transitions.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        db.Articles.Add(article);
        var created = AuditLog.ChangesOf(db.Entry(article));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var revision = transitions.AddRevision(article, fields);
        transitions.Record(WorkflowAction.Create, AuditActions.ArticleCreated, article, article.Title).Changes = created;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return NewsroomResult.Done(article.Id, revision.Number);
    }
}
