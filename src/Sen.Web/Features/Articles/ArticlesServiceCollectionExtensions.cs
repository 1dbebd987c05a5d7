using Sen.Web.Features.Categories;

namespace Sen.Web.Features.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddScoped<ListCategoryArticles>();
        return services;
    }
}
