using System.Globalization;

namespace Sen.Web.Features.Import;

/// <summary>
/// The importer's Vietnamese messages, kept together so they can move to a .resx when the import page is localized.
/// Every message starts with "Dòng N:" so an editor can find the line in the source text.
/// </summary>
internal static class LegacyParseMessages
{
    private const string DateFormat = "(dạng \"Ngày đăng: HH:mm | dd/MM/yyyy\")";
    private const int MaxQuotedLength = 60;

    public static LegacyParseError EmptyInput() =>
        At(1, "văn bản trống, không có trang nào để nhập.");

    public static LegacyParseError InputTooLarge(int length, int max) =>
        At(1, string.Create(CultureInfo.InvariantCulture, $"văn bản quá lớn ({length} ký tự, tối đa {max} ký tự)."));

    public static LegacyParseError MissingTitle(int line) =>
        At(line, "thiếu tiêu đề bài viết.");

    public static LegacyParseError TitleTooLong(int line, int length, int max) =>
        At(line, string.Create(CultureInfo.InvariantCulture, $"tiêu đề dài {length} ký tự, vượt quá giới hạn {max} ký tự."));

    public static LegacyParseError MissingDate(int line) =>
        At(line, $"thiếu ngày đăng {DateFormat}.");

    public static LegacyParseError InvalidDate(int line, string value) =>
        At(line, $"ngày đăng \"{Quote(value)}\" không hợp lệ {DateFormat}.");

    public static LegacyParseError InvalidViews(int line, string value) =>
        At(line, $"lượt xem \"{Quote(value)}\" không hợp lệ (phải là số nguyên không âm).");

    public static LegacyParseError EmptyBody(int line) =>
        At(line, "bài viết không có nội dung.");

    private static LegacyParseError At(int line, string message) =>
        new(line, string.Create(CultureInfo.InvariantCulture, $"Dòng {line}: {message}"));

    private static string Quote(string value)
    {
        if (value.Length <= MaxQuotedLength)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}
