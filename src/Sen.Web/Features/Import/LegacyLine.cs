using System.Text;

namespace Sen.Web.Features.Import;

/// <summary>One physical line of a legacy page, cleaned for matching and output.</summary>
/// <param name="Number">1-based, counting \r\n, \n and \r each as one line break.</param>
/// <param name="Text">Trimmed; every whitespace run (NBSP included) is one space; control characters are gone.</param>
/// <param name="IsIndented">The raw line started with whitespace; side-menu children are indented under their parent.</param>
/// <param name="IsPhotoPlaceholder">
/// The raw line held only whitespace with at least one NBSP. The old editor left a lone "&amp;nbsp;" in the paragraph
/// that carried the photo, so such a line marks where a photo stood, while ordinary blank lines are truly empty.
/// </param>
internal readonly record struct LegacyLine(int Number, string Text, bool IsIndented, bool IsPhotoPlaceholder)
{
    /// <summary>Longer lines are never taken for labels (welcome, date, author, menu, poll): real ones are short.</summary>
    public const int MaxLabelLength = 500;

    public bool IsBlank => Text.Length == 0;

    public bool CanBeLabel => Text.Length is > 0 and <= MaxLabelLength;

    public static List<LegacyLine> Split(string text)
    {
        var lines = new List<LegacyLine>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n'))
            {
                continue;
            }

            lines.Add(Clean(lines.Count + 1, text.AsSpan(start, i - start)));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        // A final line break ends the last line; it does not open an empty one.
        if (start < text.Length)
        {
            lines.Add(Clean(lines.Count + 1, text.AsSpan(start)));
        }

        return lines;
    }

    private static LegacyLine Clean(int number, ReadOnlySpan<char> raw)
    {
        var builder = new StringBuilder(raw.Length);
        var indented = false;
        var sawNbsp = false;
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                sawNbsp |= c == '\u00a0';
                indented |= builder.Length == 0;
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || c == '\uFEFF')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        var isBlank = builder.Length == 0;
        return new LegacyLine(number, builder.ToString(), indented && !isBlank, isBlank && sawNbsp);
    }
}
