using Sen.Web.Text;

namespace Sen.Web.Features.Api;

// The API's answers. Records with stable names: fields are added, never renamed or removed, within /api/v1.

/// <summary>A category an article belongs to.</summary>
public sealed record ApiCategoryRef(int Id, string Slug, string Name, string Url);

/// <summary>An article as lists show it.</summary>
public sealed record ApiArticleSummary(
    int Id,
    string Title,
    string Lead,
    string Url,
    string CanonicalUrl,
    string? CoverImageUrl,
    ApiCategoryRef Category,
    DateTimeOffset PublishedAt);

/// <summary>An article with its body (HTML, sanitized when saved).</summary>
public sealed record ApiArticle(
    int Id,
    string Title,
    string Lead,
    string BodyHtml,
    string Url,
    string CanonicalUrl,
    ApiCover? Cover,
    ApiAuthor Author,
    ApiCategoryRef Category,
    DateTimeOffset PublishedAt);

public sealed record ApiCover(string Url, string? Caption);

public sealed record ApiAuthor(string Name, string Unit);

/// <summary>One page of a list; Page counts from 1.</summary>
public sealed record ApiPage<T>(int Page, int PageSize, int TotalCount, int PageCount, IReadOnlyList<T> Items);

/// <summary>A node of the category tree.</summary>
public sealed record ApiCategory(int Id, string Slug, string Name, string Description, string Url, IReadOnlyList<ApiCategory> Children);

/// <summary>A search result: TitleHtml and SnippetHtml are HTML-encoded with &lt;mark&gt; around matched words.</summary>
public sealed record ApiSearchHit(string Kind, int? ArticleId, string Title, string TitleHtml, string SnippetHtml, string Url, string? CategoryName, DateTimeOffset PublishedAt);

/// <summary>A page of search results; TotalCount stops at the index's cap, and CountIsCapped then says there are more.</summary>
public sealed record ApiSearchPage(string Query, int Page, int PageSize, int TotalCount, bool CountIsCapped, int PageCount, IReadOnlyList<ApiSearchHit> Items);

public static class ApiTime
{
    /// <summary>A stored UTC time as Vietnam's local time with its +07:00 offset, to the second (ISO 8601 in JSON).</summary>
    public static DateTimeOffset Vietnam(DateTime utc)
    {
        var local = VietnamTime.ToLocal(utc);
        local = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local));
    }
}
