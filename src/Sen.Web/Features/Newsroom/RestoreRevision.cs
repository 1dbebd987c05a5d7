namespace Sen.Web.Features.Newsroom;

/// <summary>Saves an older revision again as the newest one; history is only ever added to.</summary>
public sealed class RestoreRevision(ArticleTransitions transitions, SaveArticle save)
{
    /// <summary><paramref name="BaseRevision"/>: the newest revision the user saw, as for a save.</summary>
    public sealed record Command(int ArticleId, int Number, int BaseRevision);

    public async Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await transitions.FindAsync(command.ArticleId, cancellationToken).ConfigureAwait(false) is null)
        {
            return NewsroomResult.NotFound;
        }

        var old = await transitions.RevisionAsync(command.ArticleId, command.Number, cancellationToken).ConfigureAwait(false);
        if (old is null)
        {
            return new NewsroomResult(NewsroomOutcome.NotFound, "Newsroom.Revision.NotFound", command.ArticleId);
        }

        var saved = new SaveArticle.Command(command.ArticleId, command.BaseRevision, ArticleFields.Of(old));
        return await save.SaveAsync(saved, RevisionNotes.Restored, old.Number, cancellationToken).ConfigureAwait(false);
    }
}
