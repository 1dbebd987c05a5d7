using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Media;

/// <summary>The current site's assets, newest first, a page at a time; searched without regard to diacritics or case.</summary>
public sealed class MediaLibrary(SenDbContext db, SiteContext siteContext)
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    /// <summary>Search matches the name, alt text and caption: "quang truong" finds "Quảng trường".</summary>
    public sealed record Query(string? Search = null, int Page = 1, int PageSize = DefaultPageSize, MediaKind? Kind = null);

    public sealed record Result(IReadOnlyList<MediaItem> Items, int Total, int Page, int PageSize)
    {
        public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
    }

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(query.Page, 1);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var assets = db.MediaAssets.AsNoTracking().Where(a => a.SiteId == site.Id);
        if (query.Kind is { } kind)
        {
            assets = assets.Where(a => a.Kind == kind);
        }

        foreach (var word in VietnameseText.Fold(query.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(10))
        {
            assets = assets.Where(a => a.SearchText.Contains(word));
        }

        var total = await assets.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await MediaItem.From(assets.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Result(items, total, page, pageSize);
    }
}
