using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Search;

/// <summary>Reads the reader's filters (chuyen-muc, tu-ngay, den-ngay) into a <see cref="SearchFilter"/>.</summary>
public sealed class SearchFilters(SenDbContext db, SiteContext siteContext, TimeProvider clock)
{
    public const string DateFormat = "dd/MM/yyyy";

    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "yyyy-MM-dd"];

    public sealed record CategoryOption(string Slug, string Name, int Depth);

    /// <summary>The filter, or in ErrorKey a resource key explaining what was wrong.</summary>
    public sealed record Result(SearchFilter Filter, string? ErrorKey, IReadOnlyList<CategoryOption> Categories);

    public async Task<Result> ParseAsync(string? categorySlug, string? from, string? to, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .Select(c => new { c.Id, c.ParentId, c.Name, c.Slug, c.SortOrder })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var options = new List<CategoryOption>();
        void AddTree(int? parentId, int depth)
        {
            foreach (var c in all.Where(c => c.ParentId == parentId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            {
                options.Add(new CategoryOption(c.Slug, c.Name, depth));
                if (depth < 4)
                {
                    AddTree(c.Id, depth + 1);
                }
            }
        }

        AddTree(null, 0);
        var filter = new SearchFilter(site.Id, now);

        if (!string.IsNullOrEmpty(categorySlug))
        {
            var category = all.FirstOrDefault(c => c.Slug == categorySlug);
            if (category is null)
            {
                return new Result(filter, "Search.BadCategory", options);
            }

            var ids = CategoryTree.WithDescendants(category.Id, all, c => c.Id, c => c.ParentId);

            filter = filter with { CategoryIds = ids };
        }

        if (!TryParseDate(from, out var fromDate) || !TryParseDate(to, out var toDate))
        {
            return new Result(filter, "Search.BadDate", options);
        }

        if (fromDate is { } f && toDate is { } t && f > t)
        {
            return new Result(filter, "Search.BadDateRange", options);
        }

        // Dates are Vietnamese calendar days: "đến ngày 10/10/2019" includes all of that day in Vietnam.
        filter = filter with
        {
            FromUtc = fromDate is { } start ? VietnamTime.ToUtc(start.ToDateTime(TimeOnly.MinValue)) : null,
            ToUtc = toDate is { } end ? VietnamTime.ToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
        };
        return new Result(filter, null, options);
    }

    public static bool TryParseDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (value.Length <= 10
            && DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year is >= 1900 and <= 2999)
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
