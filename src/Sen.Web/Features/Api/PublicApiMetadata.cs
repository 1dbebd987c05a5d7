namespace Sen.Web.Features.Api;

/// <summary>Marks the public API's endpoints: they get ETags and Cache-Control (<see cref="PublicApiHeaders"/>).</summary>
public sealed class PublicApiMetadata
{
    public static readonly PublicApiMetadata Instance = new();
}
