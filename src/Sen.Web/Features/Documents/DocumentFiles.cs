using Sen.Web.Features.Media;

namespace Sen.Web.Features.Documents;

/// <summary>
/// Which files a document may carry, decided by their bytes (<see cref="MediaSniffer"/>): PDF, DOC, DOCX and
/// XLSX. The name's extension must say the same, so a file whose name lies about it is refused.
/// </summary>
public static class DocumentFiles
{
    public const int MaxFileNameLength = 255;

    public static readonly IReadOnlyList<MediaFormat> Allowed = [MediaFormat.Pdf, MediaFormat.Doc, MediaFormat.Docx, MediaFormat.Xlsx];

    /// <summary>The format of <paramref name="content"/> when it is allowed and <paramref name="fileName"/>'s extension names it; otherwise null.</summary>
    public static MediaFormat? Check(ReadOnlyMemory<byte> content, string fileName)
    {
        var format = MediaSniffer.Sniff(content);
        if (format is null || !Allowed.Contains(format))
        {
            return null;
        }

        var extension = Path.GetExtension(fileName).TrimStart('.');
        return string.Equals(extension, format.Extension, StringComparison.OrdinalIgnoreCase) ? format : null;
    }

    public static MediaFormat? FormatOf(string extension) =>
        Allowed.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.Ordinal));

    /// <summary>The file name as shown and sent back: the last path segment, without control characters, at most <see cref="MaxFileNameLength"/> characters.</summary>
    public static string CleanName(string? fileName)
    {
        var name = Text.VietnameseText.Nfc(Path.GetFileName((fileName ?? "").Replace('\\', '/')))?.Trim() ?? "";
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '/'))]);
        if (name.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(MaxFileNameLength - extension.Length)] + extension;
        }

        return name;
    }
}
