using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Sen.Web.Features.Errors;
using Sen.Web.Infrastructure.Http;
using Sen.Web.Text;

namespace Sen.Web.Features.Search;

[EnableRateLimiting(SearchRateLimits.PagePolicy)]
public sealed class SearchPageModel(SearchArticles search, SearchFilters filters) : PageModel
{
    public const string Path = "/tim-kiem";
    public const string QueryParameter = "q";
    public const string CategoryParameter = "chuyen-muc";
    public const string FromParameter = "tu-ngay";
    public const string ToParameter = "den-ngay";
    public const string SortParameter = "sap-xep";
    public const string NewestSort = "moi-nhat";
    public const string RelevanceSort = "lien-quan";

    public string Q { get; private set; } = "";

    public string Category { get; private set; } = "";

    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    public bool Newest { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    /// <summary>False when the reader typed nothing searchable: the page then shows only the form and help.</summary>
    public bool Searched { get; private set; }

    public SearchArticles.Result Result { get; private set; } = new([], 0, SearchArticles.PageSize);

    public IReadOnlyList<SearchFilters.CategoryOption> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PageQuery.TryRead(Request, out var pageNumber))
        {
            return ErrorPages.BadRequest(HttpContext, "Error.BadPageNumber");
        }

        var page = pageNumber ?? 1;

        Q = Clean(First(QueryParameter), SearchQuery.MaxLength);
        Category = Clean(First(CategoryParameter), 120);
        From = Clean(First(FromParameter), 20);
        To = Clean(First(ToParameter), 20);
        Newest = First(SortParameter) == NewestSort;
        CurrentPage = page;

        var parsed = await filters.ParseAsync(Category, From, To, cancellationToken);
        Categories = parsed.Categories;
        if (parsed.ErrorKey is { } error)
        {
            return ErrorPages.BadRequest(HttpContext, error);
        }

        var query = SearchQuery.Parse(Q);
        Searched = !query.IsEmpty;
        Result = await search.HandleAsync(
            new SearchArticles.Query(query, parsed.Filter, Newest ? SearchOrder.Newest : SearchOrder.Relevance, page),
            cancellationToken);
        return Page();
    }

    /// <summary>This search's URL at another page, filters kept.</summary>
    public string PageUrl(int page)
    {
        var values = new List<KeyValuePair<string, string?>> { new(QueryParameter, Q) };
        if (Category.Length > 0)
        {
            values.Add(new(CategoryParameter, Category));
        }

        if (From.Length > 0)
        {
            values.Add(new(FromParameter, From));
        }

        if (To.Length > 0)
        {
            values.Add(new(ToParameter, To));
        }

        if (Newest)
        {
            values.Add(new(SortParameter, NewestSort));
        }

        if (page > 1)
        {
            values.Add(new(PageQuery.Parameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(Path, values);
    }

    public PagerModel Pager => new(CurrentPage, Result.PageCount, PageUrl);

    private string? First(string name)
    {
        var values = Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    // What the form shows back: NFC, valid UTF-16, no control characters, bounded length.
    private static string Clean(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = VietnameseText.Nfc(value.Length > max ? value[..max] : value)!;
        return string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
    }
}
