using Sen.Web.Features.Categories;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddScoped<ListCategoryArticles>();
        services.AddScoped<EditArticle>();
        services.AddScoped<PublishArticle>();
        services.AddScoped<RenameCategory>();
        services.AddSingleton<PublicationSchedule>();
        services.AddSingleton<IScheduledEvictions>(sp => sp.GetRequiredService<PublicationSchedule>());
        return services;
    }
}
