using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Marks a page whose GETs count as views of the article named by its <see cref="ViewCountMarker"/>;
/// <see cref="ViewCountMiddleware"/> looks for this metadata on the endpoint, and the public cache treats
/// the page as a live page (<see cref="ILivePageMetadata"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CountsViewsAttribute : Attribute, ILivePageMetadata;
