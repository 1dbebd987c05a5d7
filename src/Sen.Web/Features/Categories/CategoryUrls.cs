namespace Sen.Web.Features.Categories;

public static class CategoryUrls
{
    public const string PageParameter = "trang";

    public static string Category(string slug) => "/" + slug;

    public static string CategoryPage(string slug, int page) => page <= 1 ? Category(slug) : $"/{slug}?{PageParameter}={page}";
}
