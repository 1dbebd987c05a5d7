using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

public static class LinksServiceCollectionExtensions
{
    public static IServiceCollection AddLinks(this IServiceCollection services) =>
        services.AddContentChangeRule<WebsiteLinkChangeRule>();
}
