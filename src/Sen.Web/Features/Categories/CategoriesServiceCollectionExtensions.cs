using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

public static class CategoriesServiceCollectionExtensions
{
    public static IServiceCollection AddCategories(this IServiceCollection services)
    {
        services.AddSingleton<CategoryListings>();
        services.AddScoped<ListCategoryArticles>();
        services.AddScoped<CreateCategory>();
        services.AddScoped<RenameCategory>();
        services.AddContentChangeRule<CategoryChangeRule>();
        services.AddContentChangeRule<ListedArticleChangeRule>();
        return services;
    }
}
