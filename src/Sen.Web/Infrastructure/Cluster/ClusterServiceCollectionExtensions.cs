using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Hosting;

namespace Sen.Web.Infrastructure.Cluster;

/// <summary>
/// What the nodes of one site share, in one place (docs/ARCHITECTURE.md, "Several nodes"). Without
/// <c>Redis:Configuration</c> a node works alone: its Data Protection keys in <c>{Sen:DataPath}/keys</c>,
/// its rate limits in memory. With it, the key ring (copied to <c>{Sen:DataPath}/keys</c> for Redis outages)
/// and the sign-in and vote limits live in Redis, and nodes tell each other of content changes (<see cref="ClusterChanges"/>);
/// without it, commands tell the node of theirs through the database (<see cref="ContentStamps"/>).
/// </summary>
public static class ClusterServiceCollectionExtensions
{
    /// <summary>The Data Protection application name: the same on every node, so their keys protect for each other.</summary>
    public const string ApplicationName = "Sen";

    /// <summary>The key ring's key under <c>Redis:InstanceName</c>.</summary>
    public const string KeyRingKey = "dataprotection-keys";

    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var redisConfiguration = configuration["Redis:Configuration"];
        var clustered = !string.IsNullOrWhiteSpace(redisConfiguration);
        if (clustered)
        {
            services.AddSingleton(_ => new ClusterRedis(redisConfiguration!, configuration["Redis:InstanceName"]));
        }

        // Sign-in and antiforgery cookies, the poll vote cookie: whatever one node protects, every node reads.
        var keys = new DirectoryInfo(Path.Combine(DataFolder.Resolve(configuration, environment), "keys"));
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (clustered)
        {
            services.AddOptions<KeyManagementOptions>().Configure<ClusterRedis, ILoggerFactory>((o, redis, logs) =>
                o.XmlRepository = new MirroredKeyRepository(
                    new RedisXmlRepository(() => redis.Database, redis.Key(KeyRingKey)),
                    new FileSystemXmlRepository(keys, logs),
                    logs.CreateLogger<MirroredKeyRepository>()));
        }
        else
        {
            protection.PersistKeysToFileSystem(keys);
        }

        // Whatever a node keeps in memory about content is refreshed on every node when one changes it.
        services.AddSingleton(sp => new ClusterChanges(
            sp.GetService<ClusterRedis>(), sp.GetServices<IContentChangeRule>(), sp.GetRequiredService<ILogger<ClusterChanges>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterChanges>());

        // Without Redis, a command run beside the node (`sen import`) tells it through the database.
        services.AddSingleton(sp => new ContentStamps(
            sp.GetService<ClusterRedis>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ContentChangeInterceptor>(),
            sp.GetRequiredService<IOptions<DatabaseOptions>>(), sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<ContentStamps>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ContentStamps>());
        services.AddSingleton(sp => new SharedRateLimits(sp.GetService<ClusterRedis>(), sp.GetRequiredService<ILogger<SharedRateLimits>>()));
        return services;
    }
}
