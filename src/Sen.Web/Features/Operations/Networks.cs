using System.Net;
using Sen.Web.Infrastructure.Hosting;

namespace Sen.Web.Features.Operations;

/// <summary>Addresses and networks from configuration, refused at start with the setting's name when malformed.</summary>
public static class Networks
{
    public static IPNetwork[] Parse(IEnumerable<string> values, string setting) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
            IPNetwork.TryParse(v.Trim(), out var network)
                ? network
                : throw new StartupException($"{setting}: '{v}' không phải mạng CIDR / is not a CIDR network (e.g. 10.0.0.0/8)")).ToArray();

    public static IPAddress[] ParseAddresses(IEnumerable<string> values, string setting) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
            IPAddress.TryParse(v.Trim(), out var address)
                ? address
                : throw new StartupException($"{setting}: '{v}' không phải địa chỉ IP / is not an IP address")).ToArray();

    public static bool Contains(IReadOnlyList<IPNetwork> networks, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
