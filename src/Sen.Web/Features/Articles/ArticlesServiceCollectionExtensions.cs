using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton<PublicationSchedule>();
        services.AddSingleton<IScheduledEvictions>(sp => sp.GetRequiredService<PublicationSchedule>());
        services.AddContentChangeRule<ArticleChangeRule>();
        return services;
    }
}
