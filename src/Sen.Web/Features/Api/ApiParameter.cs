namespace Sen.Web.Features.Api;

/// <summary>
/// A query parameter an API endpoint reads itself (so a malformed value gets a Vietnamese 400, not the
/// framework's binding error). Attached to the endpoint as metadata; the OpenAPI document lists it,
/// described by the string <c>Api.Param.{Name}</c>.
/// </summary>
/// <paramref name="InPath"/>: a route parameter ({id}), which the document already lists: only its type, description and example are set.
public sealed record ApiParameter(string Name, string Type, string? Format = null, bool Required = false, string? Example = null, bool InPath = false);

/// <summary>The query parameters of one endpoint, in the order the reference lists them.</summary>
public sealed record ApiParameters(IReadOnlyList<ApiParameter> Items);
