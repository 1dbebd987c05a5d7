using System.Text;

namespace Sen.Web.Features.Redirects;

/// <summary>
/// One spelling per old address, so that a link written any way the old server accepted finds its redirect:
/// the path lower-cased (the old portals ran on IIS, which ignores case) without a trailing slash, and the
/// query's parameters sorted by lower-cased name, with their values as they were.
/// </summary>
public static class RedirectPaths
{
    public const string AdminSource = "admin";

    /// <summary>The normalized form of a path with an optional query ("/Default.aspx?tabid=1&amp;ItemID=2"), or null when it is not a site path.</summary>
    public static string? Normalize(string? pathAndQuery)
    {
        if (string.IsNullOrWhiteSpace(pathAndQuery))
        {
            return null;
        }

        var text = pathAndQuery.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            text = absolute.PathAndQuery;
        }

        if (!text.StartsWith('/') || text.StartsWith("//", StringComparison.Ordinal) || text.Any(char.IsControl))
        {
            return null;
        }

        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            text = text[..hash];
        }

        var question = text.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(question < 0 ? text : text[..question]).ToLowerInvariant();
        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
        }

        var query = question < 0 ? "" : text[(question + 1)..];
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.UnescapeDataString(p[0].Replace('+', ' ')).ToLowerInvariant(), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : null))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .ToList();
        var builder = new StringBuilder(path.Length == 0 ? "/" : path);
        for (var i = 0; i < parameters.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(parameters[i].Name));
            if (parameters[i].Value is { } value)
            {
                builder.Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        var normalized = builder.ToString();
        return normalized.Length <= Redirect.PathMaxLength ? normalized : null;
    }

    /// <summary>A target is a path on this site ("/tin-tuc/…") or a full http(s) address; null otherwise.</summary>
    public static string? CleanTarget(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        var text = target.Trim();
        if (text.Length > Redirect.TargetMaxLength || text.Any(char.IsControl) || text.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        if (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal))
        {
            var path = text.Replace(" ", "%20", StringComparison.Ordinal);
            return Uri.IsWellFormedUriString(path, UriKind.Relative) ? path : null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && !string.IsNullOrEmpty(absolute.Host)
            ? absolute.AbsoluteUri
            : null;
    }
}
