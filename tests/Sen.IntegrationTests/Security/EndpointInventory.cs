using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Sen.IntegrationTests.Security;

/// <summary>
/// Every way into the app as "METHOD route" or "METHOD route?handler=Name": minimal API endpoints by their
/// HTTP methods, Razor Pages by each handler method of their page model (an implicit GET for a page without one).
/// </summary>
public static class EndpointInventory
{
    public static async Task<SortedSet<string>> ListAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var loader = services.GetRequiredService<PageLoader>();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";

            // The files of wwwroot, mapped one endpoint per file: public by nature, read-only.
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods;
                if (handlers.Count == 0)
                {
                    keys.Add($"GET {route}");
                }

                foreach (var handler in handlers)
                {
                    keys.Add(Key(handler.HttpMethod.ToUpperInvariant(), route, handler.Name));
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                keys.Add(Key(method, route, null));
            }
        }

        return keys;
    }

    public static string Key(string method, string route, string? handler) =>
        handler is null ? $"{method} {route}" : $"{method} {route}?handler={handler}";
}
