namespace Sen.Web.Features.Import;

public abstract record LegacyBlock(string Text);

public sealed record LegacyParagraph(string Text) : LegacyBlock(Text);

/// <summary>The caption of the photo that stood on the placeholder line before it.</summary>
public sealed record LegacyCaption(string Text) : LegacyBlock(Text);

public sealed record LegacyNumberedPoint(int Number, string Text) : LegacyBlock(Text);
