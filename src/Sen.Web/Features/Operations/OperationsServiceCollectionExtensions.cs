using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Sen.Web.Features.Operations;

/// <summary>
/// What an operator needs to run Sen: /healthz and /readyz, Prometheus metrics at /metrics, OTLP
/// traces when configured, JSON console logs as an option, and the client's address and scheme
/// from a reverse proxy (docs/OPERATIONS.md).
/// </summary>
public static class OperationsServiceCollectionExtensions
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var options = configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>() ?? new OperationsOptions();

        if (configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.AddJsonConsole();
        }

        var health = services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<MediaStoreReadyCheck>("media", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        var redis = configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton(new RedisReadyCheck(redis));
            health.AddCheck<RedisReadyCheck>("redis", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        }

        // Behind nginx the connection comes from the proxy; its X-Forwarded-For and -Proto name the
        // reader and the scheme. Believed only from loopback (ASP.NET Core's default) and the proxies configured.
        var proxies = Networks.ParseAddresses(options.KnownProxies, "Operations:KnownProxies");
        var proxyNetworks = Networks.Parse(options.KnownNetworks, "Operations:KnownNetworks");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in proxyNetworks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });

        var metricsNetworks = options.MetricsAllowedNetworks.Length == 0 ? OperationsOptions.LoopbackNetworks : options.MetricsAllowedNetworks;
        services.AddSingleton(new MetricsAccess(Networks.Parse(metricsNetworks, "Operations:MetricsAllowedNetworks")));
        services.AddSingleton<PublishQueueGauge>();
        services.AddSingleton(options);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("sen"));
        if (options.Metrics)
        {
            telemetry.WithMetrics(m => m
                .AddMeter(SenMetrics.MeterName, SenMetrics.MeterName + ".Publishing")
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        }

        // Traces cost an Activity per request, so they are recorded only when someone collects them.
        var otlp = configuration["OpenTelemetry:OtlpEndpoint"];
        if (!string.IsNullOrWhiteSpace(otlp) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !ReferenceEquals(PageTypes.Of(c.Request.Path.Value), PageTypes.Operations))
                .AddOtlpExporter(o =>
                {
                    if (!string.IsNullOrWhiteSpace(otlp))
                    {
                        o.Endpoint = new Uri(otlp);
                    }
                }));
        }

        return builder;
    }

    /// <summary>Forwarded headers, then request timing; first in the pipeline.</summary>
    public static IApplicationBuilder UseOperations(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        return app.UseMiddleware<RequestMetricsMiddleware>();
    }

    /// <summary>Marks requests the output cache passed on (cache misses); goes right behind UseOutputCache.</summary>
    public static IApplicationBuilder UseCacheMissMarker(this IApplicationBuilder app) =>
        app.UseMiddleware<RenderedMarkerMiddleware>();

    /// <summary>/healthz (the process answers), /readyz (it can serve: database, Redis, media) and /metrics.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Created now, so the gauge is there for the first scrape.
        endpoints.ServiceProvider.GetRequiredService<PublishQueueGauge>();
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = ReadinessResponse.WriteAsync,
        });
        if (!endpoints.ServiceProvider.GetRequiredService<OperationsOptions>().Metrics)
        {
            return endpoints;
        }

        var access = endpoints.ServiceProvider.GetRequiredService<MetricsAccess>();
        endpoints.MapPrometheusScrapingEndpoint("/metrics").Add(b =>
        {
            var scrape = b.RequestDelegate!;
            b.RequestDelegate = context => access.Allows(context) ? scrape(context) : MetricsAccess.RefuseAsync(context);
        });
        return endpoints;
    }
}
