using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Documents;

/// <summary>
/// What every newsroom step on a document shares: finding it in the current site, and asking the articles'
/// workflow table (<see cref="ArticleWorkflow"/>) whether the current user may take the step. Documents have
/// no bin and no revisions; otherwise the same rules hold: writers on their own, approvers publish, and nobody
/// approves their own submission (unless Workflow:AllowSelfApproval).
/// </summary>
public sealed class DocumentDesk(SenDbContext db, SiteContext siteContext, CurrentUser currentUser, IOptions<WorkflowOptions> options, TimeProvider clock)
{
    public SenDbContext Db => db;

    public Actor Actor => currentUser.Actor;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<int> SiteIdAsync(CancellationToken cancellationToken) =>
        (await siteContext.GetAsync(cancellationToken).ConfigureAwait(false)).Id;

    /// <summary>The document with this id in the current site, tracked, with its attachments.</summary>
    public async Task<LegalDocument?> FindAsync(int documentId, CancellationToken cancellationToken)
    {
        var siteId = await SiteIdAsync(cancellationToken).ConfigureAwait(false);
        return await db.LegalDocuments.Include(d => d.Attachments)
            .FirstOrDefaultAsync(d => d.Id == documentId && d.SiteId == siteId, cancellationToken).ConfigureAwait(false);
    }

    public WorkflowDecision Decide(LegalDocument? document, WorkflowAction action) =>
        ArticleWorkflow.Can(Actor, document is null ? null : Subject(document), action, options.Value.AllowSelfApproval);

    public static WorkflowSubject Subject(LegalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new WorkflowSubject(document.Status, document.Review, false, document.OwnerId, document.SubmittedById);
    }
}
