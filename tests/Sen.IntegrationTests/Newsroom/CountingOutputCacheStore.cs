using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Sen.IntegrationTests.Newsroom;

/// <summary>The app's real output-cache store, with a record of the tags evicted from it.</summary>
public sealed class CountingOutputCacheStore(IOutputCacheStore inner) : IOutputCacheStore
{
    private readonly ConcurrentQueue<string> evicted = new();

    public IReadOnlyCollection<string> Evicted => evicted;

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        evicted.Enqueue(tag);
        return inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);

    /// <summary>Wraps the store the app registered (last), so every eviction passes through the counter.</summary>
    public static void Decorate(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton(sp => new CountingOutputCacheStore(
            registered.ImplementationInstance as IOutputCacheStore
                ?? registered.ImplementationFactory?.Invoke(sp) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
        services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<CountingOutputCacheStore>());
    }
}
