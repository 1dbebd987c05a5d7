using System.IO.Compression;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using StackExchange.Redis;

namespace Sen.Web.Infrastructure.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Output caching of public pages (in memory, or in Redis when Redis:Configuration is set) and response
    /// compression. The features provide what the cache asks of them: <see cref="IRequestSite"/>,
    /// <see cref="IScheduledEvictions"/>, <see cref="ILivePages"/> and <see cref="IEditorSession"/>.
    /// </summary>
    public static IServiceCollection AddPublicCaching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOutputCache(o =>
        {
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PublicCache.Policy, new PublicPagePolicy(varyByPage: false));
            o.AddPolicy(PublicCache.PagedPolicy, new PublicPagePolicy(varyByPage: true));
            o.AddPolicy(PublicCache.DocumentsPolicy, new PublicPagePolicy(varyByPage: true, Features.Documents.DocumentFilter.QueryKeys));
        });

        // Several nodes share one cache in Redis, so an eviction on one node is seen by all.
        var redis = configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                // While Redis is unreachable, commands fail at once instead of waiting 5 s in the
                // backlog for a connection, and the connection is retried in the background.
                var options = ConfigurationOptions.Parse(redis);
                options.AbortOnConnectFail = false;
                options.BacklogPolicy = BacklogPolicy.FailFast;
                o.ConfigurationOptions = options;
                o.InstanceName = configuration["Redis:InstanceName"] ?? "sen:";
            });
            DecorateStore(services, configuration.GetValue("Redis:LocalCacheLifetime", TimeSpan.FromSeconds(1)));
        }

        services.AddSingleton<PublicCache>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.Add(new PublicPageMethods()));

        // Live pages are compressed per request, after their live region is filled in; the Fastest
        // level keeps that cheap. Other pages are compressed once, when cached.
        // Not over HTTPS from Kestrel itself (BREACH); behind an nginx that terminates TLS, Sen's
        // responses are plain HTTP and are compressed.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = false;

            // RSS has a media type of its own; sitemaps (application/xml) and robots.txt (text/plain) are defaults.
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/rss+xml"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    // Redis behind a fail-safe, and in front of both the node's short-lived copies of what it read (NodeLocalOutputCacheStore).
    private static void DecorateStore(IServiceCollection services, TimeSpan localCopies)
    {
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(sp =>
        {
            var failSafe = new FailSafeOutputCacheStore(
                store.ImplementationInstance as IOutputCacheStore
                    ?? store.ImplementationFactory?.Invoke(sp) as IOutputCacheStore
                    ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<FailSafeOutputCacheStore>>());
            return localCopies > TimeSpan.Zero ? new NodeLocalOutputCacheStore(failSafe, localCopies) : failSafe;
        });
    }

    /// <summary>Serves ready copies of rendered public pages; goes before routing, behind only the exception handler (see <see cref="ReadyPageFastPath"/>).</summary>
    public static IApplicationBuilder UseReadyPages(this IApplicationBuilder app) =>
        app.UseMiddleware<ReadyPageFastPath>();

    /// <summary>Keeps ready copies of rendered public pages for the fast path; goes right behind (after) UseOutputCache.</summary>
    public static IApplicationBuilder UseReadyPageCapture(this IApplicationBuilder app) =>
        app.UseMiddleware<ReadyPageCapture>();

    /// <summary>Renders pages' HTTP caching headers; goes behind (after) UseOutputCache so cached copies keep them.</summary>
    public static IApplicationBuilder UsePublicPageHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<PublicPageHeaders>();
}
