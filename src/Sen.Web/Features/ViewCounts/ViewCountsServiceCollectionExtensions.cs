using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Cluster;

namespace Sen.Web.Features.ViewCounts;

public static class ViewCountsServiceCollectionExtensions
{
    public static IServiceCollection AddViewCounts(this IServiceCollection services)
    {
        services.AddSingleton<DbViewCountSink>();
        services.AddSingleton<IViewCountSink>(sp => sp.GetRequiredService<DbViewCountSink>());
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<GzipSplices>();
        services.AddSingleton<BrotliSplices>();
        services.AddSingleton<LiveCountPages>();
        services.AddSingleton<ILivePages>(sp => sp.GetRequiredService<LiveCountPages>());

        // Before the flusher, so it is stopped after it and announces the last flush too.
        services.AddHostedService(sp => new ViewCountPeers(
            sp.GetRequiredService<ViewCounter>(), sp.GetService<ClusterRedis>(), sp.GetRequiredService<ILogger<ViewCountPeers>>()));
        services.AddHostedService<ViewCountFlusher>();
        return services;
    }

    /// <summary>Counts views and writes live counts into pages; goes in front of (before) UseOutputCache.</summary>
    public static IApplicationBuilder UseViewCounts(this IApplicationBuilder app) =>
        app.UseMiddleware<ViewCountMiddleware>();
}
