namespace Sen.Web.Features.ViewCounts;

public static class ViewCountsServiceCollectionExtensions
{
    public static IServiceCollection AddViewCounts(this IServiceCollection services)
    {
        services.AddSingleton<DbViewCountSink>();
        services.AddSingleton<IViewCountSink>(sp => sp.GetRequiredService<DbViewCountSink>());
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<GzipSplices>();
        services.AddHostedService<ViewCountFlusher>();
        return services;
    }

    /// <summary>Serves ready article pages; goes first, before routing (see <see cref="ArticleFastPath"/>).</summary>
    public static IApplicationBuilder UseArticleFastPath(this IApplicationBuilder app) =>
        app.UseMiddleware<ArticleFastPath>();

    /// <summary>Keeps ready article pages for the fast path; goes right behind (after) UseOutputCache.</summary>
    public static IApplicationBuilder UseArticlePageCapture(this IApplicationBuilder app) =>
        app.UseMiddleware<ArticlePageCapture>();

    /// <summary>Counts views and writes live counts into pages; goes in front of (before) UseOutputCache.</summary>
    public static IApplicationBuilder UseViewCounts(this IApplicationBuilder app) =>
        app.UseMiddleware<ViewCountMiddleware>();
}
