using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// Gives every article without revisions (those from before the newsroom, and those the importer or the
/// generator wrote since) revision 1 from its current fields, so the newsroom can edit, compare and restore
/// them. A start-up task rather than SQL inside the AddRevisions migration: migrations get regenerated,
/// and rows keep arriving without revisions through the bulk writers. Idempotent; one statement each way.
/// </summary>
internal sealed class BackfillRevisionsOnStart(SenDbContext db, ILogger<BackfillRevisionsOnStart> logger) : IDatabaseStartupTask
{
    // After the demo content and imports (ContentOrder), before what is derived from articles.
    public int Order => IDatabaseStartupTask.ContentOrder + 50;

    public async Task RunAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        // Quoted names work on both providers; no user input reaches this SQL.
        const string Copy = $"""
            INSERT INTO "ArticleRevisions" ("ArticleId", "Number", "Title", "Slug", "Lead", "BodyHtml", "CategoryId", "AuthorName", "AuthorUnit",
                "CoverImageUrl", "CoverCaption", "IsFeatured", "PublishAt", "SavedAt", "SavedById", "SavedByName", "Note", "RestoredFrom")
            SELECT a."Id", 1, a."Title", a."Slug", a."Lead", a."BodyHtml", a."CategoryId", a."AuthorName", a."AuthorUnit",
                a."CoverImageUrl", a."CoverCaption", a."IsFeatured", NULL, a."UpdatedAt", NULL, '', '{RevisionNotes.FromPublished}', NULL
            FROM "Articles" a
            WHERE a."LatestRevision" = 0 AND NOT EXISTS (SELECT 1 FROM "ArticleRevisions" r WHERE r."ArticleId" = a."Id")
            """;

        // A never-published article is a draft in the newsroom; any other's revision 1 is what readers see.
        const string Point = """
            UPDATE "Articles" SET
                "LatestRevision" = 1,
                "PublishedRevision" = CASE WHEN "Status" = 0 THEN NULL ELSE 1 END,
                "Review" = CASE WHEN "Status" = 0 AND "Review" = 0 THEN 1 ELSE "Review" END
            WHERE "LatestRevision" = 0
            """;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var added = await db.Database.ExecuteSqlRawAsync(Copy, cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(Point, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (added > 0)
        {
            logger.LogInformation("Gave {Count} articles their first revision", added);
        }
    }
}
