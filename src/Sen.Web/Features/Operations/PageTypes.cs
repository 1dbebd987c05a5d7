namespace Sen.Web.Features.Operations;

/// <summary>
/// The kind of page a path names, as a tag of few values for the request metrics: the raw path would
/// make one time series per article.
/// </summary>
public static class PageTypes
{
    public const string Home = "home";
    public const string Category = "category";
    public const string Article = "article";
    public const string Search = "search";
    public const string Admin = "admin";
    public const string Api = "api";
    public const string Static = "static";
    public const string Operations = "operations";
    public const string Other = "other";

    /// <summary>The page type of <paramref name="path"/>, from its shape alone (no lookup, no allocation).</summary>
    public static string Of(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return Home;
        }

        var span = path.AsSpan(1);
        if (span.StartsWith("admin/api/", StringComparison.Ordinal) || span.StartsWith("api/", StringComparison.Ordinal))
        {
            return Api;
        }

        if (span.StartsWith("admin", StringComparison.Ordinal) && (span.Length == 5 || span[5] == '/'))
        {
            return Admin;
        }

        if (span is "healthz" or "readyz" or "metrics")
        {
            return Operations;
        }

        if (span.StartsWith("tim-kiem", StringComparison.Ordinal) && (span.Length == 8 || span[8] == '/'))
        {
            return Search;
        }

        if (span.StartsWith("media/", StringComparison.Ordinal) || span[0] == '_' || span.StartsWith("lib/", StringComparison.Ordinal)
            || (span.Contains('.') && !span.EndsWith(".html", StringComparison.Ordinal)))
        {
            return Static;
        }

        var trimmed = span.TrimEnd('/');
        return trimmed.Count('/') switch
        {
            0 => Category,
            1 => Article,
            _ => Other,
        };
    }

    /// <summary>Pages the public output cache keeps: their hits and misses make the cache hit ratio.</summary>
    public static bool IsCached(string pageType) =>
        ReferenceEquals(pageType, Home) || ReferenceEquals(pageType, Category) || ReferenceEquals(pageType, Article);
}
