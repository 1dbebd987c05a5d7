using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.OutputCaching;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Public pages only serve reads. Any other method (TRACE, POST, PUT, DELETE) gets routing's 405 with an
/// <c>Allow: GET, HEAD</c> header, never the page.
/// </summary>
internal sealed class PublicPageMethods : IPageApplicationModelConvention
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.HandlerTypeAttributes.OfType<OutputCacheAttribute>().Any(a => a.PolicyName is PublicCache.Policy or PublicCache.PagedPolicy))
        {
            model.EndpointMetadata.Add(new HttpMethodMetadata(Methods));
        }
    }
}
