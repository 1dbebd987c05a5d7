namespace Sen.Web.Features.Links;

/// <summary>An entry of "Liên kết website".</summary>
public sealed class WebsiteLink
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public required string Title { get; set; }

    public required string Url { get; set; }

    public int SortOrder { get; set; }
}
