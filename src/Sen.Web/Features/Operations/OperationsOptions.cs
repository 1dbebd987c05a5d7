namespace Sen.Web.Features.Operations;

/// <summary>The "Operations" configuration section (docs/OPERATIONS.md).</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// Who may read /metrics: client addresses (after forwarded headers) in these networks, CIDR notation.
    /// None configured means loopback only (<see cref="LoopbackNetworks"/>); 0.0.0.0/0 and ::/0 open it to everyone.
    /// </summary>
    public string[] MetricsAllowedNetworks { get; set; } = [];

    /// <summary>
    /// False turns metrics off: no meter provider, no /metrics (404), and the request timer is one branch.
    /// For measuring what metrics cost (bench/metrics.sh) or a node nobody scrapes.
    /// </summary>
    public bool Metrics { get; set; } = true;

    // Not the property's default: the configuration binder appends to an array, so configured
    // networks would be added to loopback instead of replacing it.
    public static readonly string[] LoopbackNetworks = ["127.0.0.0/8", "::1/128"];

    /// <summary>Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, besides loopback.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR) of such proxies, besides loopback.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
