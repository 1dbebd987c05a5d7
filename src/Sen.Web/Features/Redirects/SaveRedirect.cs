using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Redirects;

/// <summary>An editor adds a redirect from an old address of the current site: checked, audited, live at once.</summary>
public sealed class SaveRedirect(SenDbContext db, SiteContext siteContext, AuditLog audit, CurrentUser currentUser, RedirectTable table, TimeProvider clock)
{
    private const int MaxHops = 20;

    public sealed record Result(IReadOnlyList<string> ProblemKeys, int? RedirectId = null)
    {
        public bool Saved => ProblemKeys.Count == 0;
    }

    public async Task<Result> HandleAsync(string? oldPath, string? target, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var from = RedirectPaths.Normalize(oldPath);
        var to = RedirectPaths.CleanTarget(target);
        List<string> problems = [];
        if (from is null)
        {
            problems.Add(string.IsNullOrWhiteSpace(oldPath) ? "Redirect.OldPath.Required" : "Redirect.OldPath.Invalid");
        }

        if (to is null)
        {
            problems.Add(string.IsNullOrWhiteSpace(target) ? "Redirect.Target.Required" : "Redirect.Target.Invalid");
        }

        if (problems.Count > 0)
        {
            return new Result(problems);
        }

        if (await db.Redirects.AnyAsync(r => r.SiteId == site.Id && r.OldPath == from, cancellationToken).ConfigureAwait(false))
        {
            return new Result(["Redirect.OldPath.Taken"]);
        }

        if (await LeadsBackAsync(site.Id, from!, to!, cancellationToken).ConfigureAwait(false))
        {
            return new Result(["Redirect.Loop"]);
        }

        var redirect = new Redirect
        {
            SiteId = site.Id,
            OldPath = from!,
            Target = to!,
            CreatedBy = currentUser.Actor.Name,
            Source = RedirectPaths.AdminSource,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Redirects.Add(redirect);
        var changes = AuditLog.ChangesOf(db.Entry(redirect));
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            audit.Record(AuditActions.RedirectCreated, nameof(Redirect), redirect.Id.ToString(CultureInfo.InvariantCulture), $"{from} → {to}", siteId: site.Id).Changes = changes;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        table.Invalidate(site.Key);
        return new Result([], redirect.Id);
    }

    // A target on this site that is itself redirected, hop after hop, back to the old address would loop forever.
    private async Task<bool> LeadsBackAsync(int siteId, string from, string to, CancellationToken cancellationToken)
    {
        var next = to.StartsWith('/') ? RedirectPaths.Normalize(to) : null;
        for (var hop = 0; next is not null && hop < MaxHops; hop++)
        {
            if (next == from)
            {
                return true;
            }

            var target = await db.Redirects.AsNoTracking().Where(r => r.SiteId == siteId && r.OldPath == next)
                .Select(r => r.Target).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            next = target is not null && target.StartsWith('/') ? RedirectPaths.Normalize(target) : null;
        }

        return next is not null;
    }
}
