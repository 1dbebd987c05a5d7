using System.Net;

namespace Sen.Web.Features.Operations;

/// <summary>
/// Who may read /metrics (Operations:MetricsAllowedNetworks): the figures say how busy the site is
/// and what fails, which is the operator's business. A request without an address (a Unix socket, a
/// test host) comes from this machine and is allowed.
/// </summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> allowed)
{
    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return address is null || Networks.Contains(allowed, address);
    }

    public static Task RefuseAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
