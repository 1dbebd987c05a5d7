using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Features.Admin;

/// <summary>The newsroom's start page. It lists only what exists; features add their parts here.</summary>
public sealed class DashboardPageModel : PageModel
{
    public string Role { get; private set; } = "";

    public void OnGet() => Role = SenRoles.All.FirstOrDefault(User.IsInRole) ?? "";
}
