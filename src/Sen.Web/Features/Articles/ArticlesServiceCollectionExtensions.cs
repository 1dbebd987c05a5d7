using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddScoped<EditArticle>();
        services.AddScoped<PublishArticle>();
        services.AddContentChangeRule<ArticleChangeRule>();
        return services;
    }
}
