using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Documents;

/// <summary>
/// The newsroom's list of documents, newest issued first: approvers and administrators see all of the site's;
/// a writer sees their own and the published ones.
/// </summary>
public sealed class ListAdminDocuments(SenDbContext db, SiteContext siteContext, CurrentUser currentUser)
{
    public const int MaxRows = 500;

    public sealed record Row(int Id, string Number, DocumentKind Kind, DateOnly IssuedOn, string Summary, ArticleStatus Status, ReviewState Review, int Files);

    public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var actor = currentUser.Actor;
        var documents = db.LegalDocuments.AsNoTracking().Where(d => d.SiteId == site.Id);
        if (!actor.IsIn(SenRoles.Admin) && !actor.IsIn(SenRoles.Approver))
        {
            documents = documents.Where(d => d.OwnerId == actor.UserId || d.Status == ArticleStatus.Published);
        }

        return await documents
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Take(MaxRows)
            .Select(d => new Row(d.Id, d.Number, d.Kind, d.IssuedOn, d.Summary, d.Status, d.Review, d.Attachments.Count))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The strings.tsv key of a document's state as the newsroom names it.</summary>
    public static string StateKey(ArticleStatus status, ReviewState review) => review switch
    {
        ReviewState.Submitted => "Document.State.Submitted",
        ReviewState.Returned => "Document.State.Returned",
        _ when status == ArticleStatus.Published => "Document.State.Published",
        _ when status == ArticleStatus.Unpublished => "Document.State.Unpublished",
        _ => "Document.State.Draft",
    };
}
