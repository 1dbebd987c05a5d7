using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Sen.Web.Text;

namespace Sen.Web.Features.Import;

/// <summary>Renders an imported body as the HTML an article stores.</summary>
public static class LegacyArticleHtml
{
    // HtmlEncoder.Default would turn every Vietnamese letter into an entity; only markup characters need encoding.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The photo at <c>imageUrl</c> goes with the first caption, as a figure; later captions, or all of them when
    /// there is no URL, become &lt;p class="caption"&gt;. The URL is encoded, not vetted: pass only URLs you issued.
    /// </summary>
    public static string ToBodyHtml(IEnumerable<LegacyBlock> blocks, string? imageUrl, string imageAlt)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(imageAlt);

        var html = new StringBuilder();
        var points = new List<LegacyNumberedPoint>();
        var image = string.IsNullOrWhiteSpace(imageUrl) ? null : imageUrl;
        foreach (var block in blocks)
        {
            if (block is LegacyNumberedPoint point)
            {
                points.Add(point);
                continue;
            }

            AppendList(html, points);
            switch (block)
            {
                case LegacyCaption caption when image is not null:
                    Line(html, $"<figure><img src=\"{Encode(image)}\" alt=\"{Encode(imageAlt)}\" width=\"800\" height=\"450\"><figcaption>{Encode(caption.Text)}</figcaption></figure>");
                    image = null;
                    break;
                case LegacyCaption caption:
                    Line(html, $"<p class=\"caption\">{Encode(caption.Text)}</p>");
                    break;
                case not null:
                    Line(html, $"<p>{Encode(block.Text)}</p>");
                    break;
            }
        }

        AppendList(html, points);
        return html.ToString();
    }

    private static void AppendList(StringBuilder html, List<LegacyNumberedPoint> points)
    {
        if (points.Count == 0)
        {
            return;
        }

        var consecutive = true;
        for (var i = 1; i < points.Count; i++)
        {
            consecutive &= points[i].Number == points[0].Number + i;
        }

        Line(html, consecutive && points[0].Number != 1 ? $"<ol start=\"{points[0].Number}\">" : "<ol>");
        foreach (var point in points)
        {
            Line(html, consecutive
                ? $"<li>{Encode(point.Text)}</li>"
                : $"<li value=\"{point.Number}\">{Encode(point.Text)}</li>");
        }

        Line(html, "</ol>");
        points.Clear();
    }

    private static void Line(StringBuilder html, string element) => html.Append(element).Append('\n');

    private static string Encode(string text) => Encoder.Encode(VietnameseText.Nfc(text)!);
}
