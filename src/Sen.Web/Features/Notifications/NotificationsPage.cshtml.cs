using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Errors;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Notifications;

/// <summary>The signed-in user's notifications (/admin/thong-bao): newest first, unread ones marked, read one or all.</summary>
[Authorize(Policy = NewsroomPolicies.Newsroom)]
public sealed class NotificationsPageModel(ListNotifications list, MarkNotificationsRead mark, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string Path = "/admin/thong-bao";

    public ListNotifications.Result Notifications { get; private set; } = new([], 1, 1, 0, 0);

    public string? Notice { get; private set; }

    public PagerModel Pager => new(Notifications.Page, Notifications.PageCount, p => p == 1 ? Path : $"{Path}?{PageQuery.Parameter}={p}");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!PageQuery.TryRead(Request, out var page))
        {
            return ErrorPages.BadRequest(HttpContext, "Error.BadPageNumber");
        }

        return await ShowAsync(page ?? 1, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        if (!await mark.HandleAsync(new MarkNotificationsRead.Command(id), cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        return await ShowAsync(1, text["Notification.MarkedOne"], cancellationToken).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await mark.HandleAsync(new MarkNotificationsRead.Command(null), cancellationToken).ConfigureAwait(false);
        return await ShowAsync(1, text["Notification.MarkedAll"], cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> ShowAsync(int page, string? notice, CancellationToken cancellationToken)
    {
        var result = await list.HandleAsync(new ListNotifications.Query(page), cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return NotFound();
        }

        Notifications = result;
        Notice = notice;
        return Page();
    }
}
