using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;
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
        services.AddScoped<EditCategory>();
        services.AddScoped<MoveCategory>();
        services.AddScoped<DeleteCategory>();
        services.AddScoped<ListCategoryTree>();
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizePage("/Categories/CategoriesAdminPage", NewsroomPolicies.Newsroom)
            .AuthorizePage("/Categories/CategoryEditPage", NewsroomPolicies.Newsroom));
        services.AddContentChangeRule<CategoryChangeRule>();
        services.AddContentChangeRule<ListedArticleChangeRule>();
        return services;
    }
}
