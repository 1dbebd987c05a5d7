using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Audit;

/// <summary>
/// The audit entries a filter selects, newest first, for the administrator's page and the CSV export.
/// Entries of the current site and those of no site (sign-ins, accounts) are shown.
/// </summary>
public sealed class ReadAuditLog(SenDbContext db, SiteContext siteContext)
{
    public const int PageSize = 50;

    public sealed record Page(IReadOnlyList<AuditEntry> Entries, int TotalCount, int PageCount);

    public sealed record UserOption(int Id, string Name);

    public async Task<Page> PageAsync(AuditLogFilter filter, int page, CancellationToken cancellationToken)
    {
        var query = await MatchingAsync(filter, cancellationToken).ConfigureAwait(false);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var entries = await query.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Page(entries, total, Math.Max(1, (total + PageSize - 1) / PageSize));
    }

    /// <summary>The matching entries as the database reads them, one at a time: the export never holds the table in memory.</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditLogFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = await MatchingAsync(filter, cancellationToken).ConfigureAwait(false);
        await foreach (var entry in query.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <summary>The accounts the user filter offers (every account, also disabled ones: their entries stay).</summary>
    public async Task<IReadOnlyList<UserOption>> UsersAsync(CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new UserOption(u.Id, u.DisplayName == "" ? u.Email ?? "" : u.DisplayName + " (" + u.Email + ")"))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The kinds of item entries name, for the item filter (read from the (EntityType, EntityId) index).</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.EntityType != null).Select(a => a.EntityType!).Distinct().OrderBy(t => t)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    private async Task<IQueryable<AuditEntry>> MatchingAsync(AuditLogFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var siteId = (await siteContext.GetAsync(cancellationToken).ConfigureAwait(false)).Id;
        var query = db.AuditEntries.AsNoTracking().Where(a => a.SiteId == null || a.SiteId == siteId);
        if (filter.UserId is { } userId)
        {
            query = query.Where(a => a.UserId == userId);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.EntityType is { } entityType)
        {
            query = query.Where(a => a.EntityType == entityType);
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.BeforeUtc is { } before)
        {
            query = query.Where(a => a.At < before);
        }

        // A plain substring match (letters, marks and case as typed): folding would need a folded copy
        // of every summary in the table, or reading all of them.
        if (filter.Text is { } text)
        {
            query = query.Where(a => a.Summary.Contains(text));
        }

        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }
}
