using Sen.Web.Text;

namespace Sen.Web.Features.Links;

/// <summary>A website link as the newsroom edits it; <see cref="Clean"/> checks it for a new and an existing link alike.</summary>
public sealed record LinkFields(string? Title, string? Url)
{
    public const int MaxTitleLength = 300;

    public const int MaxUrlLength = 1000;

    /// <summary>The fields trimmed and NFC; or the keys of what is wrong. Only absolute http and https addresses: no javascript:, data: or relative ones.</summary>
    public (LinkFields Fields, IReadOnlyList<string> ProblemKeys) Clean()
    {
        var title = VietnameseText.Nfc(Title)?.Trim() ?? "";
        var url = Url?.Trim() ?? "";
        var problems = new List<string>();
        if (title.Length == 0)
        {
            problems.Add("Link.Title.Required");
        }
        else if (title.Length > MaxTitleLength)
        {
            problems.Add("Link.Title.TooLong");
        }

        if (url.Length == 0)
        {
            problems.Add("Link.Url.Required");
        }
        else if (url.Length > MaxUrlLength)
        {
            problems.Add("Link.Url.TooLong");
        }
        else if (!IsWebAddress(url))
        {
            problems.Add("Link.Url.Invalid");
        }

        return (new LinkFields(title, url), problems);
    }

    private static bool IsWebAddress(string url) =>
        (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;
}

/// <summary>What the link form partial shows: the values and the prefix of its ids.</summary>
public sealed record LinkFormView(LinkFields Form, string IdPrefix);
