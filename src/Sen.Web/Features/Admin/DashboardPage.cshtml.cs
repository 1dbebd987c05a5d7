using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Features.Admin;

/// <summary>The newsroom's start page: what waits, the user's own work, and the readers' views.</summary>
public sealed class DashboardPageModel(LoadDashboard load) : PageModel
{
    public string Role { get; private set; } = "";

    public LoadDashboard.Result Dashboard { get; private set; } = null!;

    public ViewsChart Chart { get; private set; } = null!;

    /// <summary>The article's page in the newsroom.</summary>
    public static string ArticleUrl(int id) => "/admin/bai-viet/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Role = SenRoles.All.FirstOrDefault(User.IsInRole) ?? "";
        Dashboard = await load.HandleAsync(cancellationToken);
        Chart = new ViewsChart(Dashboard.Days);
    }
}
