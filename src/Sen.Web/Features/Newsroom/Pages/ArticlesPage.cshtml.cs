using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Errors;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>The newsroom's articles (/admin/bai-viet), filtered by state, owner, category and title; a malformed filter is a 400.</summary>
[Authorize(Policy = NewsroomPolicies.Newsroom)]
public sealed class ArticlesPageModel(ListArticles list, CategoryChoices categories, TimeProvider clock) : NewsroomPageModel
{
    public const string ListUrl = "/admin/bai-viet";

    /// <summary>The state filter's values in the URL (?trang-thai=).</summary>
    public static readonly IReadOnlyDictionary<string, ListArticles.StateFilter> States = new Dictionary<string, ListArticles.StateFilter>(StringComparer.Ordinal)
    {
        ["nhap"] = ListArticles.StateFilter.Draft,
        ["cho-duyet"] = ListArticles.StateFilter.Submitted,
        ["tra-lai"] = ListArticles.StateFilter.Returned,
        ["da-xuat-ban"] = ListArticles.StateFilter.Published,
        ["hen-gio"] = ListArticles.StateFilter.Scheduled,
        ["da-go"] = ListArticles.StateFilter.Unpublished,
    };

    public string? State { get; private set; }

    public bool Mine { get; private set; }

    public int? CategoryId { get; private set; }

    public string? Search { get; private set; }

    public bool SeesAll { get; private set; }

    public ListArticles.Result Result { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<CategoryChoices.Choice> Categories { get; private set; } = [];

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public PagerModel Pager => new(Result.Page, Result.PageCount, PageUrl);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PageQuery.TryRead(Request, out var page))
        {
            return ErrorPages.BadRequest(HttpContext, "Error.BadPageNumber");
        }

        if (!TryReadFilters(out var state))
        {
            return ErrorPages.BadRequest(HttpContext, "Newsroom.List.BadFilter");
        }

        SeesAll = User.IsInRole(SenRoles.Admin) || User.IsInRole(SenRoles.Approver);
        Categories = await categories.HandleAsync(cancellationToken);
        Result = await list.HandleAsync(new ListArticles.Query(state, Mine, CategoryId, Search, page ?? 1), cancellationToken);
        return page > Result.PageCount ? NotFound() : Page();
    }

    private bool TryReadFilters(out ListArticles.StateFilter? state)
    {
        state = null;
        var query = Request.Query;
        // An empty value is what the filter form sends for "all".
        if (query["trang-thai"] is { Count: > 0 } states && !(states.Count == 1 && string.IsNullOrEmpty(states[0])))
        {
            if (states.Count > 1 || !States.TryGetValue(states[0]!, out var s))
            {
                return false;
            }

            (state, State) = (s, states[0]);
        }

        if (query["cua-toi"] is { Count: > 0 } mine)
        {
            if (mine.Count > 1 || mine[0] is not ("1" or ""))
            {
                return false;
            }

            Mine = mine[0] == "1";
        }

        if (query["chuyen-muc"] is { Count: > 0 } category && !(category.Count == 1 && string.IsNullOrEmpty(category[0])))
        {
            if (category.Count > 1 || category[0] is not { Length: <= 10 } value
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return false;
            }

            CategoryId = id;
        }

        if (query["q"] is { Count: > 0 } search)
        {
            if (search.Count > 1 || search[0]?.Length > ListArticles.MaxSearchLength)
            {
                return false;
            }

            Search = string.IsNullOrWhiteSpace(search[0]) ? null : search[0]!.Trim();
        }

        return true;
    }

    private string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>();
        if (State is not null)
        {
            query["trang-thai"] = State;
        }

        if (Mine)
        {
            query["cua-toi"] = "1";
        }

        if (CategoryId is int id)
        {
            query["chuyen-muc"] = id.ToString(CultureInfo.InvariantCulture);
        }

        if (Search is not null)
        {
            query["q"] = Search;
        }

        if (page > 1)
        {
            query[PageQuery.Parameter] = page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(ListUrl, query);
    }
}
