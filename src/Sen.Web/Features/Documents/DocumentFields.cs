using System.Globalization;
using Sen.Web.Text;

namespace Sen.Web.Features.Documents;

/// <summary>
/// A document as the newsroom form sends it: every field a string, as typed or chosen (kinds, bodies and
/// terms by their URL keys, dates as yyyy-MM-dd). <see cref="Clean"/> checks it for a new and an existing document alike.
/// </summary>
public sealed record DocumentFields(string? Number, string? Kind, string? Body, string? IssuedOn, string? EffectiveOn, string? Term, string? Summary)
{
    public const int MaxNumberLength = 60;

    public const int MaxSummaryLength = 2000;

    public static readonly DocumentFields Empty = new("", "", "", "", "", "", "");

    /// <summary>What the form shows for a stored document.</summary>
    public static DocumentFields Of(LegalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(
            document.Number,
            DocumentVocabulary.KindKeys[document.Kind],
            DocumentVocabulary.BodyKeys[document.Body],
            document.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            document.EffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            document.Term is int term ? DocumentVocabulary.TermKey(term) : "",
            document.Summary);
    }

    /// <summary>The checked values, or the keys (strings.tsv) of what is wrong.</summary>
    public (Values? Values, IReadOnlyList<string> ProblemKeys) Clean()
    {
        var problems = new List<string>();
        var number = VietnameseText.Nfc(Number)?.Trim() ?? "";
        var summary = VietnameseText.Nfc(Summary)?.Trim() ?? "";
        if (number.Length == 0)
        {
            problems.Add("Document.Number.Required");
        }
        else if (number.Length > MaxNumberLength || number.Any(char.IsControl))
        {
            problems.Add("Document.Number.Invalid");
        }

        if (!DocumentVocabulary.TryKind(Kind?.Trim() ?? "", out var kind))
        {
            problems.Add("Document.Kind.Required");
        }

        if (!DocumentVocabulary.TryBody(Body?.Trim() ?? "", out var body))
        {
            problems.Add("Document.Body.Required");
        }

        if (!TryDate(IssuedOn, out var issued) || issued is null)
        {
            problems.Add("Document.IssuedOn.Invalid");
        }

        if (!TryDate(EffectiveOn, out var effective))
        {
            problems.Add("Document.EffectiveOn.Invalid");
        }
        else if (effective is not null && issued is not null && effective < issued)
        {
            problems.Add("Document.EffectiveOn.BeforeIssued");
        }

        int? term = null;
        if (!string.IsNullOrWhiteSpace(Term))
        {
            if (DocumentVocabulary.TryTerm(Term.Trim(), out var t))
            {
                term = t;
            }
            else
            {
                problems.Add("Document.Term.Invalid");
            }
        }

        if (summary.Length == 0)
        {
            problems.Add("Document.Summary.Required");
        }
        else if (summary.Length > MaxSummaryLength)
        {
            problems.Add("Document.Summary.TooLong");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new Values(number, kind, body, issued!.Value, effective, term, summary), problems);
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            && value.Year is >= 1930 and <= 2200)
        {
            date = value;
            return true;
        }

        return false;
    }

    /// <summary>The leading digits of a number and symbol: 62 for "62-KL/TW", 0 for "HD/TU".</summary>
    public static int SequenceOf(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var digits = number.TakeWhile(char.IsAsciiDigit).Take(9).ToArray();
        return digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>A document's checked fields.</summary>
    public sealed record Values(string Number, DocumentKind Kind, IssuingBody Body, DateOnly IssuedOn, DateOnly? EffectiveOn, int? Term, string Summary)
    {
        public void ApplyTo(LegalDocument document)
        {
            ArgumentNullException.ThrowIfNull(document);
            document.Number = Number;
            document.Sequence = SequenceOf(Number);
            document.Kind = Kind;
            document.Body = Body;
            document.IssuedOn = IssuedOn;
            document.EffectiveOn = EffectiveOn;
            document.Term = Term;
            document.Summary = Summary;
        }
    }
}
