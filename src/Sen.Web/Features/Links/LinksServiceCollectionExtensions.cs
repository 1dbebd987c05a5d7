using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

public static class LinksServiceCollectionExtensions
{
    public static IServiceCollection AddLinks(this IServiceCollection services)
    {
        services.AddScoped<ListWebsiteLinks>();
        services.AddScoped<SaveWebsiteLink>();
        services.AddScoped<MoveWebsiteLink>();
        services.AddScoped<DeleteWebsiteLink>();
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizePage("/Links/LinksAdminPage", NewsroomPolicies.Newsroom)
            .AuthorizePage("/Links/LinkEditPage", NewsroomPolicies.Newsroom));
        return services.AddContentChangeRule<WebsiteLinkChangeRule>();
    }
}
