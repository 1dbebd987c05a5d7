namespace Sen.Web.Features.Import.WordPress;

/// <summary>What reading an export noticed besides its items: skipped kinds, unknown authors and shortcodes, the encoding.</summary>
public sealed class WordPressImportReport
{
    /// <summary>Items not imported by design, by reason ("revision", "nav_menu_item", "trash").</summary>
    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    /// <summary>dc:creator logins with no wp:author in the channel: the login is used as the author's name.</summary>
    public SortedSet<string> UnknownAuthors { get; } = new(StringComparer.Ordinal);

    /// <summary>Shortcodes Sen has no equivalent for: their tag was dropped and their inner text kept.</summary>
    public SortedSet<string> UnknownShortcodes { get; } = new(StringComparer.Ordinal);

    public int Attachments { get; set; }

    /// <summary>Set when the file's declared encoding was wrong and another was used.</summary>
    public string? EncodingNote { get; set; }

    public void Skip(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
}
