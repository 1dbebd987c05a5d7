using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Documents;

public enum DocumentSort
{
    /// <summary>Ngày ban hành, mới nhất trước (the default).</summary>
    Newest,
    Oldest,

    /// <summary>Số hiệu, from the lowest number.</summary>
    Number,
}

/// <summary>
/// The filters of /van-ban as its query string carries them: ?loai=ket-luan&amp;co-quan=bo-chinh-tri&amp;nam=2019&amp;khoa=xi&amp;sap-xep=so-hieu&amp;trang=2.
/// An empty value is no filter (an unchosen select); anything else not understood is the reader's error, answered with a 400.
/// </summary>
public sealed record DocumentFilter(DocumentKind? Kind, IssuingBody? Body, int? Year, int? Term, DocumentSort Sort)
{
    public const string KindKey = "loai";
    public const string BodyKey = "co-quan";
    public const string YearKey = "nam";
    public const string TermKey = "khoa";
    public const string SortKey = "sap-xep";

    public const string Path = "/van-ban";

    public const int MinYear = 1930;

    public const int MaxYear = 2200;

    /// <summary>Every query key the list reads; the output cache varies by these and nothing else.</summary>
    public static readonly string[] QueryKeys = [KindKey, BodyKey, YearKey, TermKey, SortKey, PageQuery.Parameter];

    public static readonly DocumentFilter None = new(null, null, null, null, DocumentSort.Newest);

    public static readonly IReadOnlyDictionary<DocumentSort, string> SortKeys = new Dictionary<DocumentSort, string>
    {
        [DocumentSort.Newest] = "moi-nhat",
        [DocumentSort.Oldest] = "cu-nhat",
        [DocumentSort.Number] = "so-hieu",
    };

    public bool IsFiltered => Kind is not null || Body is not null || Year is not null || Term is not null;

    /// <summary>The filter, or the key (strings.tsv) of the message saying which value is wrong.</summary>
    public static (DocumentFilter? Filter, string? ProblemKey) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        DocumentKind? kind = null;
        IssuingBody? body = null;
        int? year = null;
        int? term = null;
        var sort = DocumentSort.Newest;

        if (!TryOne(query[KindKey], out var value))
        {
            return (null, "Document.Filter.BadKind");
        }

        if (value.Length > 0)
        {
            if (!DocumentVocabulary.TryKind(value, out var found))
            {
                return (null, "Document.Filter.BadKind");
            }

            kind = found;
        }

        if (!TryOne(query[BodyKey], out value))
        {
            return (null, "Document.Filter.BadBody");
        }

        if (value.Length > 0)
        {
            if (!DocumentVocabulary.TryBody(value, out var found))
            {
                return (null, "Document.Filter.BadBody");
            }

            body = found;
        }

        if (!TryOne(query[YearKey], out value))
        {
            return (null, "Document.Filter.BadYear");
        }

        if (value.Length > 0)
        {
            if (value.Length != 4 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var found) || found is < MinYear or > MaxYear)
            {
                return (null, "Document.Filter.BadYear");
            }

            year = found;
        }

        if (!TryOne(query[TermKey], out value))
        {
            return (null, "Document.Filter.BadTerm");
        }

        if (value.Length > 0)
        {
            if (!DocumentVocabulary.TryTerm(value, out var found))
            {
                return (null, "Document.Filter.BadTerm");
            }

            term = found;
        }

        if (!TryOne(query[SortKey], out value))
        {
            return (null, "Document.Filter.BadSort");
        }

        if (value.Length > 0)
        {
            var found = SortKeys.FirstOrDefault(s => s.Value == value);
            if (found.Value is null)
            {
                return (null, "Document.Filter.BadSort");
            }

            sort = found.Key;
        }

        return (new DocumentFilter(kind, body, year, term, sort), null);
    }

    /// <summary>The list's URL with this filter and <paramref name="page"/> (the default sort and page 1 are left out).</summary>
    public string Url(int page = 1)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (Kind is { } kind)
        {
            query.Add(new(KindKey, DocumentVocabulary.KindKeys[kind]));
        }

        if (Body is { } body)
        {
            query.Add(new(BodyKey, DocumentVocabulary.BodyKeys[body]));
        }

        if (Year is { } year)
        {
            query.Add(new(YearKey, year.ToString(CultureInfo.InvariantCulture)));
        }

        if (Term is { } term)
        {
            query.Add(new(TermKey, DocumentVocabulary.TermKey(term)));
        }

        if (Sort != DocumentSort.Newest)
        {
            query.Add(new(SortKey, SortKeys[Sort]));
        }

        if (page > 1)
        {
            query.Add(new(PageQuery.Parameter, page.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(Path, query);
    }

    /// <summary>The list of one term's documents: where the side menu's "Khóa …" leads.</summary>
    public static string TermUrl(int term) => (None with { Term = term }).Url();

    private static bool TryOne(StringValues values, out string value)
    {
        value = "";
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1 || values[0] is not { Length: <= 40 } single)
        {
            return false;
        }

        value = single.Trim();
        return true;
    }
}
