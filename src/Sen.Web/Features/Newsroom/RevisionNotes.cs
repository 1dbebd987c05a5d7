namespace Sen.Web.Features.Newsroom;

/// <summary>The strings.tsv keys stored in <see cref="ArticleRevision.Note"/>.</summary>
public static class RevisionNotes
{
    /// <summary>The published copy as it was when the newsroom first saw the article.</summary>
    public const string FromPublished = "Revision.Note.FromPublished";

    /// <summary>A copy of an older revision (<see cref="ArticleRevision.RestoredFrom"/>).</summary>
    public const string Restored = "Revision.Note.Restored";

    /// <summary>Written by <c>sen import</c> from an old site's item.</summary>
    public const string Imported = "Revision.Note.Imported";
}
