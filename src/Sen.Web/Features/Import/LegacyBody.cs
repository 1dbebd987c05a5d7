using System.Globalization;
using System.Text.RegularExpressions;

namespace Sen.Web.Features.Import;

/// <summary>The article body: every non-blank line from after the date line up to the author line.</summary>
internal static partial class LegacyBody
{
    public const int MaxCaptionLength = 250;

    /// <returns>The blocks; <paramref name="end"/> is the index of the line that ended the body (or the line count).</returns>
    public static List<LegacyBlock> Read(IReadOnlyList<LegacyLine> lines, int start, out int end)
    {
        var blocks = new List<LegacyBlock>();
        var afterPhoto = false;
        for (end = start; end < lines.Count; end++)
        {
            var line = lines[end];
            if (line.IsPhotoPlaceholder)
            {
                afterPhoto = true;
                continue;
            }

            if (line.IsBlank)
            {
                continue;
            }

            // Without an author line the body still stops where the page's side column begins.
            if (LegacyAuthor.IsAuthorLine(line) || LegacySideColumn.Starts(line))
            {
                break;
            }

            blocks.Add(ToBlock(line.Text, afterPhoto));
            afterPhoto = false;
        }

        return blocks;
    }

    private static LegacyBlock ToBlock(string text, bool afterPhoto)
    {
        var point = NumberedPoint().Match(text);
        if (point.Success)
        {
            return new LegacyNumberedPoint(int.Parse(point.Groups["n"].ValueSpan, CultureInfo.InvariantCulture), point.Groups["text"].Value);
        }

        // A long line or one that introduces what follows is the text resuming, not a caption under the photo.
        return afterPhoto && text.Length <= MaxCaptionLength && !text.EndsWith(':')
            ? new LegacyCaption(text)
            : new LegacyParagraph(text);
    }

    [GeneratedRegex(@"^(?<n>[0-9]{1,3}) ?[-–—.)] (?<text>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedPoint();
}
