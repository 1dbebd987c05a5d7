using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

/// <summary>
/// Scheduled articles go public when their time comes, and no save announces that moment. This keeps
/// the next publication time; the first public request after it evicts the cached pages (a scheduled
/// publication is rare, so all of them) and looks up the next time. Cheap on the hot path: one
/// comparison of two numbers. A node that starts also evicts when an article came due within the
/// cache's lifetime before it: no node may have been running then, and a shared cache (Redis) can still
/// hold pages rendered before that time.
/// </summary>
public sealed class PublicationSchedule(IServiceScopeFactory scopes, TimeProvider clock, PublicCache cache, ILogger<PublicationSchedule> logger)
    : IScheduledEvictions
{
    private const long Unknown = long.MinValue;
    private const long Looking = long.MinValue + 1;
    private const long Starting = long.MinValue + 2;
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private long next = Starting;

    /// <summary>A save changed publication times or statuses: look again on the next request.</summary>
    public void Invalidate() => Volatile.Write(ref next, Unknown);

    public async ValueTask EvictIfDueAsync(CancellationToken cancellationToken)
    {
        var seen = Volatile.Read(ref next);
        var now = clock.GetUtcNow().UtcDateTime;
        if (seen == Looking || (seen != Unknown && now.Ticks < seen))
        {
            return;
        }

        // One request does the work; the others go on with the cached pages for these few milliseconds.
        if (Interlocked.CompareExchange(ref next, Looking, seen) != seen)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
            if (seen != Unknown && (seen != Starting || await CameDueSinceAsync(db, now - PublicCache.Lifetime, now, cancellationToken).ConfigureAwait(false)))
            {
                await cache.EvictAsync([PublicCache.Tags.Chrome], cancellationToken).ConfigureAwait(false);
            }

            var upcoming = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now)
                .MinAsync(a => a.PublishedAt, cancellationToken).ConfigureAwait(false);
            Interlocked.CompareExchange(ref next, upcoming?.Ticks ?? long.MaxValue, Looking);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read the next scheduled publication; trying again in {Delay}", RetryAfterFailure);
            Interlocked.CompareExchange(ref next, (now + RetryAfterFailure).Ticks, Looking);
        }
        finally
        {
            Interlocked.CompareExchange(ref next, Unknown, Looking);
        }
    }

    private static Task<bool> CameDueSinceAsync(SenDbContext db, DateTime since, DateTime now, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .AnyAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt > since && a.PublishedAt <= now, cancellationToken);
}
