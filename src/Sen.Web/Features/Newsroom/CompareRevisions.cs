using System.Text.RegularExpressions;
using DiffPlex;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Search;

namespace Sen.Web.Features.Newsroom;

/// <summary>A readable word diff of two revisions' title, lead and text, as runs the page marks up as it likes.</summary>
public sealed partial class CompareRevisions(ArticleTransitions transitions)
{
    public sealed record Query(int ArticleId, int From, int To);

    public enum RunKind
    {
        Unchanged,
        Deleted,
        Inserted,
    }

    public sealed record Run(RunKind Kind, string Text);

    public sealed record Result(int From, int To, IReadOnlyList<Run> Title, IReadOnlyList<Run> Lead, IReadOnlyList<Run> Text);

    /// <summary>Null when the article or either revision is not in this site, or the user is not in the newsroom.</summary>
    public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!SenRoles.All.Any(transitions.Actor.IsIn)
            || await transitions.FindAsync(query.ArticleId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var from = await transitions.RevisionAsync(query.ArticleId, query.From, cancellationToken).ConfigureAwait(false);
        var to = await transitions.RevisionAsync(query.ArticleId, query.To, cancellationToken).ConfigureAwait(false);
        if (from is null || to is null)
        {
            return null;
        }

        return new Result(from.Number, to.Number,
            Words(from.Title, to.Title),
            Words(from.Lead, to.Lead),
            Words(SearchText.HtmlToText(from.BodyHtml), SearchText.HtmlToText(to.BodyHtml)));
    }

    /// <summary>The word diff of two texts: concatenating the unchanged and deleted runs gives the old text, the unchanged and inserted the new.</summary>
    public static IReadOnlyList<Run> Words(string before, string after)
    {
        var diff = Differ.Instance.CreateCustomDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, WordsAndSpaces);
        var oldPieces = diff.PiecesOld.ToArray();
        var newPieces = diff.PiecesNew.ToArray();
        var runs = new List<Run>();
        var old = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(runs, RunKind.Unchanged, oldPieces[old..block.DeleteStartA]);
            Add(runs, RunKind.Deleted, oldPieces[block.DeleteStartA..(block.DeleteStartA + block.DeleteCountA)]);
            Add(runs, RunKind.Inserted, newPieces[block.InsertStartB..(block.InsertStartB + block.InsertCountB)]);
            old = block.DeleteStartA + block.DeleteCountA;
        }

        Add(runs, RunKind.Unchanged, oldPieces[old..]);
        return runs;
    }

    private static string[] WordsAndSpaces(string text) => [.. Token().Matches(text).Select(m => m.Value)];

    private static void Add(List<Run> runs, RunKind kind, string[] pieces)
    {
        if (pieces.Length == 0)
        {
            return;
        }

        var text = string.Concat(pieces);
        if (runs.Count > 0 && runs[^1].Kind == kind)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        }
        else
        {
            runs.Add(new Run(kind, text));
        }
    }

    // A word with the spaces after it is one piece, so two changed words in a row make one run, not two around a space.
    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Token();
}
