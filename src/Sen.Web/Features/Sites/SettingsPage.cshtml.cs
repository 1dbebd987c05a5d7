using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Sites;

/// <summary>Administrators change the site's name, welcome line and footer.</summary>
[Authorize(Policy = NewsroomPolicies.Administer)]
public sealed class SettingsPageModel(SenDbContext db, SiteContext siteContext, SaveSiteSettings save, IStringLocalizer<SharedResource> text) : PageModel
{
    public SiteSettings Settings { get; private set; } = new("", "", "", "", "", "", "");

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Notice = AdminNotices.For(done, text);
        var key = siteContext.Key;
        Settings = SiteSettings.Of(await db.Sites.AsNoTracking().FirstAsync(s => s.Key == key, cancellationToken));
    }

    public async Task<IActionResult> OnPostAsync(
        string? name, string? welcomeLine, string? footerAgency, string? footerAddress, string? footerPhone, string? footerEmail, string? licenceLine, CancellationToken cancellationToken)
    {
        var settings = new SiteSettings(name, welcomeLine, footerAgency, footerAddress, footerPhone, footerEmail, licenceLine);
        var problems = await save.HandleAsync(settings, cancellationToken);
        if (problems.Count == 0)
        {
            return RedirectToPage(new { done = AdminNotices.Saved });
        }

        Settings = settings;
        Errors = [.. problems.Select(k => text[k].Value)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
