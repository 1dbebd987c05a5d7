using System.Text;
using System.Text.RegularExpressions;
using Sen.Web.Text;

namespace Sen.Web.Features.Import;

/// <summary>
/// Reads the text extracted from an article page of the old portal: welcome line, optional "Chi tiết tin",
/// title, date line, body, author, then the side column (menu, links, poll).
/// </summary>
public static partial class LegacyPageParser
{
    internal const int MaxTitleLength = 500;

    /// <summary>Old article pages are a few tens of kilobytes; anything this big is not one, and is refused before any work.</summary>
    internal const int MaxInputLength = 2_000_000;

    public static LegacyParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxInputLength)
        {
            return Failed(LegacyParseMessages.InputTooLarge(text.Length, MaxInputLength));
        }

        var lines = LegacyLine.Split(VietnameseText.Nfc(WithoutNoncharacters(text))!);
        var i = NextNonBlank(lines, 0);
        if (i == lines.Count)
        {
            return Failed(LegacyParseMessages.EmptyInput());
        }

        var errors = new List<LegacyParseError>();
        var endLine = lines.Count + 1;

        var (siteName, welcomeLine) = ("", "");
        var welcome = lines[i].CanBeLabel ? Welcome().Match(lines[i].Text) : Match.Empty;
        if (welcome.Success)
        {
            siteName = welcome.Groups["site"].Value.TrimEnd(' ', '!');
            welcomeLine = lines[i].Text;
            i = NextNonBlank(lines, i + 1);
        }

        if (i < lines.Count && string.Equals(lines[i].Text, "Chi tiết tin", StringComparison.OrdinalIgnoreCase))
        {
            i = NextNonBlank(lines, i + 1);
        }

        var title = "";
        if (i == lines.Count || LegacyDateLine.IsDateLine(lines[i]))
        {
            errors.Add(LegacyParseMessages.MissingTitle(i < lines.Count ? lines[i].Number : endLine));
        }
        else
        {
            title = lines[i].Text;
            if (title.Length > MaxTitleLength)
            {
                errors.Add(LegacyParseMessages.TitleTooLong(lines[i].Number, title.Length, MaxTitleLength));
            }

            i = NextNonBlank(lines, i + 1);
        }

        var (publishedAt, views) = (default(DateTime), 0L);
        if (i < lines.Count && LegacyDateLine.IsDateLine(lines[i]))
        {
            var date = LegacyDateLine.Parse(lines[i]);
            (publishedAt, views) = (date.PublishedAt, date.Views);
            errors.AddRange(date.Errors);
            i++;
        }
        else
        {
            errors.Add(LegacyParseMessages.MissingDate(i < lines.Count ? lines[i].Number : endLine));
        }

        var body = LegacyBody.Read(lines, i, out i);
        if (body.Count == 0)
        {
            errors.Add(LegacyParseMessages.EmptyBody(i < lines.Count ? lines[i].Number : endLine));
        }

        var (authorName, authorUnit) = ("", "");
        if (i < lines.Count && LegacyAuthor.IsAuthorLine(lines[i]))
        {
            (authorName, authorUnit) = LegacyAuthor.Parse(lines[i]);
            i++;
        }

        if (errors.Count > 0)
        {
            return new LegacyParseResult(null, errors);
        }

        var side = LegacySideColumn.Read(lines, i);
        var page = new LegacyPage(
            siteName, welcomeLine, title, publishedAt, views, body, authorName, authorUnit, side.Menu, side.MoreText, side.PollQuestion);
        return new LegacyParseResult(page, []);
    }

    private static LegacyParseResult Failed(LegacyParseError error) => new(null, [error]);

    // ICU refuses to normalize U+FFFE (byte-swapped UTF-16 leaves it behind), so VietnameseText.Nfc would throw.
    // Noncharacters are never text; they go before normalizing.
    private static string WithoutNoncharacters(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uFDD0', '\uFDEF') < 0 && text.AsSpan().IndexOfAny('\uFFFE', '\uFFFF') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not ((>= '\uFDD0' and <= '\uFDEF') or '\uFFFE' or '\uFFFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int NextNonBlank(List<LegacyLine> lines, int start)
    {
        var i = start;
        while (i < lines.Count && lines[i].IsBlank)
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"^chào mừng bạn đến với(?: (?<site>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Welcome();
}
