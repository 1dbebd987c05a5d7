using System.Globalization;

namespace Sen.Web.Features.Documents;

/// <summary>
/// The URL keys (?loai=ket-luan, ?co-quan=bo-chinh-tri, ?khoa=xi) and label keys (strings.tsv) of kinds,
/// bodies and terms. A key not listed here is a malformed filter.
/// </summary>
public static class DocumentVocabulary
{
    public const int FirstTerm = 1;

    public const int LastTerm = 21;

    public static readonly IReadOnlyDictionary<DocumentKind, string> KindKeys = new Dictionary<DocumentKind, string>
    {
        [DocumentKind.NghiQuyet] = "nghi-quyet",
        [DocumentKind.ChiThi] = "chi-thi",
        [DocumentKind.KetLuan] = "ket-luan",
        [DocumentKind.QuyDinh] = "quy-dinh",
        [DocumentKind.QuyetDinh] = "quyet-dinh",
        [DocumentKind.HuongDan] = "huong-dan",
        [DocumentKind.ThongBao] = "thong-bao",
        [DocumentKind.KeHoach] = "ke-hoach",
        [DocumentKind.CongVan] = "cong-van",
        [DocumentKind.Khac] = "khac",
    };

    public static readonly IReadOnlyDictionary<IssuingBody, string> BodyKeys = new Dictionary<IssuingBody, string>
    {
        [IssuingBody.BanChapHanhTrungUong] = "ban-chap-hanh-trung-uong",
        [IssuingBody.BoChinhTri] = "bo-chinh-tri",
        [IssuingBody.BanBiThu] = "ban-bi-thu",
        [IssuingBody.TinhUy] = "tinh-uy",
        [IssuingBody.BanThuongVuTinhUy] = "ban-thuong-vu-tinh-uy",
        [IssuingBody.QuocHoi] = "quoc-hoi",
        [IssuingBody.ChinhPhu] = "chinh-phu",
        [IssuingBody.Khac] = "khac",
    };

    // The names as documents print them: content, searched and indexed, not interface text (that is in strings.tsv).
    private static readonly Dictionary<DocumentKind, string> KindNames = new()
    {
        [DocumentKind.NghiQuyet] = "Nghị quyết",
        [DocumentKind.ChiThi] = "Chỉ thị",
        [DocumentKind.KetLuan] = "Kết luận",
        [DocumentKind.QuyDinh] = "Quy định",
        [DocumentKind.QuyetDinh] = "Quyết định",
        [DocumentKind.HuongDan] = "Hướng dẫn",
        [DocumentKind.ThongBao] = "Thông báo",
        [DocumentKind.KeHoach] = "Kế hoạch",
        [DocumentKind.CongVan] = "Công văn",
        [DocumentKind.Khac] = "Văn bản",
    };

    private static readonly Dictionary<IssuingBody, string> BodyNames = new()
    {
        [IssuingBody.BanChapHanhTrungUong] = "Ban Chấp hành Trung ương",
        [IssuingBody.BoChinhTri] = "Bộ Chính trị",
        [IssuingBody.BanBiThu] = "Ban Bí thư",
        [IssuingBody.TinhUy] = "Tỉnh ủy",
        [IssuingBody.BanThuongVuTinhUy] = "Ban Thường vụ Tỉnh ủy",
        [IssuingBody.QuocHoi] = "Quốc hội",
        [IssuingBody.ChinhPhu] = "Chính phủ",
        [IssuingBody.Khac] = "",
    };

    private static readonly string[] Romans =
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"];

    /// <summary>"Kết luận số 62-KL/TW": the document's name as the search index holds it.</summary>
    public static string Name(DocumentKind kind, string number) => KindNames[kind] + " số " + number;

    public static string BodyName(IssuingBody body) => BodyNames[body];

    public static string KindLabelKey(DocumentKind kind) => "Document.Kind." + KindKeys[kind];

    public static string BodyLabelKey(IssuingBody body) => "Document.Body." + BodyKeys[body];

    /// <summary>"XI" for 11.</summary>
    public static string Roman(int term) => term is >= FirstTerm and <= LastTerm ? Romans[term] : term.ToString(CultureInfo.InvariantCulture);

    /// <summary>The URL key of a term: "xi".</summary>
    public static string TermKey(int term) => Roman(term).ToLowerInvariant();

    public static bool TryKind(string key, out DocumentKind kind) => TryFind(KindKeys, key, out kind);

    public static bool TryBody(string key, out IssuingBody body) => TryFind(BodyKeys, key, out body);

    /// <summary>A term from its roman key ("xi", "XI") or its number ("11").</summary>
    public static bool TryTerm(string key, out int term)
    {
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out term) && key.Length <= 2)
        {
            return term is >= FirstTerm and <= LastTerm;
        }

        term = Array.FindIndex(Romans, r => r.Length > 0 && string.Equals(r, key, StringComparison.OrdinalIgnoreCase));
        return term > 0;
    }

    /// <summary>The term a category of the side menu stands for: "khoa-xi" (Khóa XI under "Đảng Cộng sản Việt Nam") is 11.</summary>
    public static int? TermOfCategory(string? categorySlug) =>
        categorySlug is { Length: > 5 and < 12 } slug && slug.StartsWith("khoa-", StringComparison.Ordinal) && TryTerm(slug[5..], out var term) && !char.IsAsciiDigit(slug[5])
            ? term
            : null;

    private static bool TryFind<T>(IReadOnlyDictionary<T, string> keys, string key, out T value)
        where T : struct, Enum
    {
        foreach (var (candidate, candidateKey) in keys)
        {
            if (string.Equals(candidateKey, key, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
