namespace Sen.Web.Features.Newsroom;

public enum NewsroomOutcome
{
    Done,
    NotFound,

    /// <summary>The workflow does not let this user do this now; <see cref="NewsroomResult.MessageKey"/> says why.</summary>
    Forbidden,

    /// <summary>Someone saved a newer revision first; <see cref="NewsroomResult.Conflict"/> holds both versions.</summary>
    Conflict,

    /// <summary>The input is wrong; <see cref="NewsroomResult.MessageKey"/> says how.</summary>
    Invalid,
}

/// <summary>What a newsroom handler reports: expected outcomes, not exceptions. Message keys are in strings.tsv.</summary>
public sealed record NewsroomResult(NewsroomOutcome Outcome, string? MessageKey = null, int? ArticleId = null, int? Revision = null, RevisionConflict? Conflict = null)
{
    public static readonly NewsroomResult NotFound = new(NewsroomOutcome.NotFound, "Newsroom.Article.NotFound");

    public bool Succeeded => Outcome == NewsroomOutcome.Done;

    public static NewsroomResult Done(int articleId, int? revision = null) => new(NewsroomOutcome.Done, null, articleId, revision);

    public static NewsroomResult Forbidden(string reasonKey) => new(NewsroomOutcome.Forbidden, reasonKey);

    public static NewsroomResult Invalid(string messageKey) => new(NewsroomOutcome.Invalid, messageKey);

    public static NewsroomResult Conflicted(RevisionConflict conflict) => new(NewsroomOutcome.Conflict, "Newsroom.Revision.Conflict", conflict?.ArticleId, null, conflict);
}

/// <summary>
/// A save that started from an older revision: the newer one that is stored (<see cref="Theirs"/>) and what
/// this user sent (<see cref="Yours"/>, not stored), so the editor can show both and nothing is lost.
/// </summary>
public sealed record RevisionConflict(int ArticleId, int BaseRevision, int LatestRevision, string? LatestSavedByName, ArticleFields Theirs, ArticleFields Yours);
