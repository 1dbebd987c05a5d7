using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Errors;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Audit;

/// <summary>The audit log for administrators (/admin/nhat-ky): filters, pages, the changes of each entry. Read only.</summary>
[Authorize(Policy = NewsroomPolicies.Administer)]
public sealed class AuditLogPageModel(ReadAuditLog log) : PageModel
{
    public const string Path = "/admin/nhat-ky";

    public AuditLogFilter Filter { get; private set; } = AuditLogFilter.None;

    public ReadAuditLog.Page Result { get; private set; } = new([], 0, 1);

    public int CurrentPage { get; private set; } = 1;

    public IReadOnlyList<ReadAuditLog.UserOption> Users { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public PagerModel Pager => new(CurrentPage, Result.PageCount, page => Filter.Url(Path, page));

    public string ExportUrl => Filter.Url(ExportAuditLog.Path);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PageQuery.TryRead(Request, out var pageNumber))
        {
            return ErrorPages.BadRequest(HttpContext, "Error.BadPageNumber");
        }

        var (filter, error) = AuditLogFilter.Read(Request.Query);
        if (error is not null)
        {
            return ErrorPages.BadRequest(HttpContext, error);
        }

        Filter = filter;
        CurrentPage = pageNumber ?? 1;
        Result = await log.PageAsync(filter, CurrentPage, cancellationToken);
        if (CurrentPage > Result.PageCount)
        {
            return NotFound();
        }

        Users = await log.UsersAsync(cancellationToken);
        EntityTypes = await log.EntityTypesAsync(cancellationToken);
        return Page();
    }
}
