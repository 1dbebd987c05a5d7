using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

/// <summary>Adds a website link to the current site (last in the list), or changes one of its links.</summary>
public sealed class SaveWebsiteLink(SenDbContext db, SiteContext siteContext, AuditLog audit)
{
    /// <summary>LinkId: null for a new link.</summary>
    public sealed record Command(int? LinkId, LinkFields Fields);

    public sealed record Result(SaveResult Outcome, IReadOnlyList<string> ProblemKeys, int? LinkId = null)
    {
        public bool Saved => Outcome == SaveResult.Saved && ProblemKeys.Count == 0;
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        WebsiteLink? link = null;
        if (command.LinkId is int id)
        {
            link = await db.WebsiteLinks.FirstOrDefaultAsync(l => l.Id == id && l.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
            if (link is null)
            {
                return new Result(SaveResult.NotFound, []);
            }
        }

        var (fields, problems) = command.Fields.Clean();
        if (problems.Count > 0)
        {
            return new Result(SaveResult.Saved, problems);
        }

        if (link is null)
        {
            var order = await db.WebsiteLinks.Where(l => l.SiteId == site.Id).MaxAsync(l => (int?)l.SortOrder, cancellationToken).ConfigureAwait(false) ?? 0;
            link = new WebsiteLink { SiteId = site.Id, Title = fields.Title!, Url = fields.Url!, SortOrder = order + 1 };
            db.WebsiteLinks.Add(link);
            var changes = AuditLog.ChangesOf(db.Entry(link));
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                audit.Record(AuditActions.LinkCreated, nameof(WebsiteLink), link.Id.ToString(CultureInfo.InvariantCulture), link.Title, siteId: site.Id).Changes = changes;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return new Result(SaveResult.Saved, [], link.Id);
        }

        link.Title = fields.Title!;
        link.Url = fields.Url!;
        var entry = db.Entry(link);
        entry.DetectChanges();
        if (entry.State == EntityState.Modified)
        {
            audit.Record(AuditActions.LinkChanged, nameof(WebsiteLink), link.Id.ToString(CultureInfo.InvariantCulture), link.Title, entry, site.Id);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new Result(SaveResult.Saved, [], link.Id);
    }
}
