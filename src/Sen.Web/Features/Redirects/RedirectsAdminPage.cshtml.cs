using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;
using Sen.Web.Features.Errors;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Redirects;

/// <summary>Approvers and administrators list, search, add and delete the site's redirects (/admin/chuyen-huong).</summary>
[Authorize(Policy = NewsroomPolicies.Approve)]
public sealed class RedirectsAdminPageModel(ListRedirects list, SaveRedirect save, DeleteRedirect delete, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string Path = "/admin/chuyen-huong";
    public const string SearchParameter = "q";
    public const int MaxSearchLength = 200;

    public ListRedirects.Result Redirects { get; private set; } = new([], 0, 1, 1);

    public string? Search { get; private set; }

    public string? OldPath { get; private set; }

    public string? Target { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public PagerModel Pager => new(Redirects.Page, Redirects.Pages, p =>
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Search))
        {
            query.Add($"{SearchParameter}={Uri.EscapeDataString(Search)}");
        }

        if (p > 1)
        {
            query.Add($"{PageQuery.Parameter}={p}");
        }

        return query.Count == 0 ? Path : $"{Path}?{string.Join('&', query)}";
    });

    public async Task<IActionResult> OnGetAsync(string? q, string? done, CancellationToken cancellationToken)
    {
        if (!PageQuery.TryRead(Request, out var page))
        {
            return ErrorPages.BadRequest(HttpContext, "Error.BadPageNumber");
        }

        if (q is { Length: > MaxSearchLength })
        {
            return ErrorPages.BadRequest(HttpContext, "Redirect.Search.TooLong");
        }

        Notice = AdminNotices.For(done, text);
        Search = q?.Trim();
        Redirects = await list.HandleAsync(Search, page ?? 1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? oldPath, string? target, CancellationToken cancellationToken)
    {
        var result = await save.HandleAsync(oldPath, target, cancellationToken);
        if (result.Saved)
        {
            return RedirectToPage(new { done = AdminNotices.Created });
        }

        OldPath = oldPath;
        Target = target;
        Errors = [.. result.ProblemKeys.Select(k => text[k].Value)];
        Response.StatusCode = result.ProblemKeys.Contains("Redirect.OldPath.Taken") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Redirects = await list.HandleAsync(null, 1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        await delete.HandleAsync(id, cancellationToken) == SaveResult.NotFound
            ? NotFound()
            : RedirectToPage(new { done = AdminNotices.Deleted });
}
