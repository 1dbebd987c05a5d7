using System.Text.RegularExpressions;

namespace Sen.Web.Features.Import;

/// <summary>What follows the article: back link, the side menu, the links box and the poll.</summary>
internal static partial class LegacySideColumn
{
    private const string MoreLink = "Xem tất cả";
    private const string LinksHeading = "Liên kết website";
    private const string PollHeading = "Thăm dò ý kiến";

    public static bool Starts(LegacyLine line) =>
        line.CanBeLabel && (IsMenuItem(line) || BackLink().IsMatch(line.Text) || IsAny(line, MoreLink, LinksHeading, PollHeading));

    public static SideColumn Read(IReadOnlyList<LegacyLine> lines, int start)
    {
        var menu = new List<LegacyMenuItem>();
        string? itemName = null;
        var children = new List<LegacyMenuItem>();
        string? moreText = null;
        string? pollQuestion = null;
        var awaitingPollQuestion = false;

        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.CanBeLabel)
            {
                continue;
            }

            if (itemName is not null && line.IsIndented && !Starts(line))
            {
                children.Add(new LegacyMenuItem(line.Text, []));
                continue;
            }

            CloseItem();
            if (IsMenuItem(line))
            {
                itemName = line.Text.TrimStart('»').Trim();
            }
            else if (IsAny(line, MoreLink))
            {
                moreText ??= menu.Count > 0 ? line.Text : null;
            }
            else if (IsAny(line, PollHeading))
            {
                awaitingPollQuestion = pollQuestion is null;
            }
            else if (awaitingPollQuestion && !Starts(line))
            {
                pollQuestion = line.Text;
                awaitingPollQuestion = false;
            }
        }

        CloseItem();
        return new SideColumn(menu, moreText, pollQuestion);

        void CloseItem()
        {
            if (itemName is not null)
            {
                menu.Add(new LegacyMenuItem(itemName, [.. children]));
            }

            itemName = null;
            children.Clear();
        }
    }

    private static bool IsMenuItem(LegacyLine line) => line.Text.StartsWith('»') && line.Text.TrimStart('»').Trim().Length > 0;

    private static bool IsAny(LegacyLine line, params ReadOnlySpan<string> labels)
    {
        foreach (var label in labels)
        {
            if (string.Equals(line.Text, label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\[? ?trở về ?\]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackLink();
}

internal sealed record SideColumn(IReadOnlyList<LegacyMenuItem> Menu, string? MoreText, string? PollQuestion);
