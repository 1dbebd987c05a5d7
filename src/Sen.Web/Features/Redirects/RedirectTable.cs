using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Redirects;

/// <summary>
/// The redirects of each site, held in memory: read when a request would end in 404, or has a query
/// string (a WordPress "/?p=123" reaches the home page otherwise), so other requests pay nothing for it. Changes made here invalidate it at once;
/// with Redis, so do changes made on another node or by `sen import` (<see cref="RedirectChangeRule"/>); otherwise those are seen when the copy is a minute old.
/// </summary>
public sealed class RedirectTable(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Loaded> sites = new(StringComparer.Ordinal);

    /// <summary>The target for the normalized old address <paramref name="oldPath"/> on the site keyed <paramref name="siteKey"/>, or null.</summary>
    public async ValueTask<string?> FindAsync(string siteKey, string oldPath, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!sites.TryGetValue(siteKey, out var loaded) || now - loaded.At > MaxAge)
        {
            loaded = new Loaded(await LoadAsync(siteKey, cancellationToken).ConfigureAwait(false), now);
            sites[siteKey] = loaded;
        }

        return loaded.Targets.GetValueOrDefault(oldPath);
    }

    public void Invalidate(string siteKey) => sites.TryRemove(siteKey, out _);

    /// <summary>Forgets every site's table (a redirect was saved here or on another node).</summary>
    public void Clear() => sites.Clear();

    private async Task<FrozenDictionary<string, string>> LoadAsync(string siteKey, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
            var rows = await db.Redirects.AsNoTracking().Where(r => db.Sites.Any(s => s.Id == r.SiteId && s.Key == siteKey))
                .Select(r => new { r.OldPath, r.Target })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ToFrozenDictionary(r => r.OldPath, r => r.Target, StringComparer.Ordinal);
        }
    }

    private sealed record Loaded(FrozenDictionary<string, string> Targets, DateTimeOffset At);
}
