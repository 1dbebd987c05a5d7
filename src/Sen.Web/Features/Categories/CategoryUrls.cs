using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Categories;

public static class CategoryUrls
{
    public static string Category(string slug) => "/" + slug;

    public static string CategoryPage(string slug, int page) => page <= 1 ? Category(slug) : $"/{slug}?{PageQuery.Parameter}={page}";
}
