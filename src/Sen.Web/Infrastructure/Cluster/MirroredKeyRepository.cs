using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Sen.Web.Infrastructure.Cluster;

/// <summary>
/// The Data Protection key ring of a cluster: kept in Redis (every node reads and adds the same keys) and
/// copied to this node's <c>{Sen:DataPath}/keys</c> each time it is read. When Redis cannot be reached, the
/// node reads the copy, so a node that restarts during a Redis outage still reads every cookie and form
/// token made with the shared keys, and its sign-in page works. New keys are made only with Redis up: a key
/// that only one node knew would break its cookies on the others.
/// </summary>
internal sealed class MirroredKeyRepository(IXmlRepository shared, IXmlRepository mirror, ILogger logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        IReadOnlyCollection<XElement> elements;
        try
        {
            elements = shared.GetAllElements();
        }
        catch (Exception e) when (ClusterRedis.IsOutage(e))
        {
            logger.LogWarning(
                "Redis không trả lời / Redis cannot be reached ({Error}): Data Protection reads this node's copy of the key ring",
                e.GetType().Name);
            return mirror.GetAllElements();
        }

        Copy(elements);
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        shared.StoreElement(element, friendlyName);
        mirror.StoreElement(element, friendlyName);
    }

    private void Copy(IReadOnlyCollection<XElement> elements)
    {
        try
        {
            var known = mirror.GetAllElements().Select(e => e.ToString(SaveOptions.DisableFormatting)).ToHashSet(StringComparer.Ordinal);
            foreach (var element in elements)
            {
                if (known.Add(element.ToString(SaveOptions.DisableFormatting)))
                {
                    var id = (string?)element.Attribute("id") ?? Guid.NewGuid().ToString();
                    mirror.StoreElement(element, element.Name.LocalName + "-" + id);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Không chép được khóa / cannot copy the key ring to this node's data folder");
        }
    }
}
