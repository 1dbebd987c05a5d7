namespace Sen.Web.Features.Import;

/// <summary>An article page of the old portal, as recovered from its extracted text. All text is NFC.</summary>
public sealed record LegacyPage(
    string SiteName,
    string WelcomeLine,
    string Title,
    DateTime PublishedAtLocal,
    long Views,
    IReadOnlyList<LegacyBlock> Body,
    string AuthorName,
    string AuthorUnit,
    IReadOnlyList<LegacyMenuItem> SideMenu,
    string? SideMenuMoreText,
    string? PollQuestion);

public sealed record LegacyMenuItem(string Name, IReadOnlyList<LegacyMenuItem> Children);
