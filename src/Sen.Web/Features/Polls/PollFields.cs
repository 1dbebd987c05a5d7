using Sen.Web.Features.Newsroom.Pages;
using Sen.Web.Text;

namespace Sen.Web.Features.Polls;

/// <summary>
/// A poll as the newsroom form sends it: the options one per line, the dates as datetime-local values
/// in Vietnam time. <see cref="Clean"/> checks it for a new and an existing poll alike.
/// </summary>
public sealed record PollFields(string? Question, string? Options, string? Kind, string? OpensAt, string? ClosesAt)
{
    public const int MinOptions = 2;

    public const int MaxOptions = 20;

    public const string SingleKind = "single";

    public const string MultipleKind = "multiple";

    public sealed record Clean(string Question, IReadOnlyList<string> Options, PollKind Kind, DateTime? OpensAt, DateTime? ClosesAt);

    /// <summary>The fields as the form shows an existing poll.</summary>
    public static PollFields Of(Poll poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return new PollFields(
            poll.Question,
            string.Join('\n', poll.Options.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => o.Text)),
            poll.Kind == PollKind.MultipleChoice ? MultipleKind : SingleKind,
            ArticleInput.FormatLocal(poll.OpensAt),
            ArticleInput.FormatLocal(poll.ClosesAt));
    }

    /// <summary>The cleaned fields (trimmed, NFC, blank lines dropped); or the keys of what is wrong.</summary>
    public (Clean? Fields, IReadOnlyList<string> ProblemKeys) Check()
    {
        var problems = new List<string>();
        var question = VietnameseText.Nfc(Question)?.Trim() ?? "";
        if (question.Length == 0)
        {
            problems.Add("Poll.Question.Required");
        }
        else if (question.Length > Poll.MaxQuestionLength)
        {
            problems.Add("Poll.Question.TooLong");
        }

        var options = (VietnameseText.Nfc(Options) ?? "")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToList();
        if (options.Count < MinOptions)
        {
            problems.Add("Poll.Options.TooFew");
        }
        else if (options.Count > MaxOptions)
        {
            problems.Add("Poll.Options.TooMany");
        }

        if (options.Any(o => o.Length > PollOption.MaxTextLength))
        {
            problems.Add("Poll.Options.TooLong");
        }

        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            problems.Add("Poll.Options.Duplicate");
        }

        PollKind? kind = Kind switch
        {
            SingleKind or null or "" => PollKind.SingleChoice,
            MultipleKind => PollKind.MultipleChoice,
            _ => null,
        };
        if (kind is null)
        {
            problems.Add("Poll.Kind.Invalid");
        }

        var opensOk = ArticleInput.TryParseLocal(OpensAt, out var opensAt);
        var closesOk = ArticleInput.TryParseLocal(ClosesAt, out var closesAt);
        if (!opensOk)
        {
            problems.Add("Poll.OpensAt.Invalid");
        }

        if (!closesOk)
        {
            problems.Add("Poll.ClosesAt.Invalid");
        }
        else if (opensAt is { } opens && closesAt is { } closes && closes <= opens)
        {
            problems.Add("Poll.ClosesAt.BeforeOpens");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new Clean(question, options, kind!.Value, opensAt, closesAt), problems);
    }
}

/// <summary>What the poll form partial shows: the values and the prefix of its ids.</summary>
public sealed record PollFormView(PollFields Form, string IdPrefix, bool OptionsLocked);
