using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;

namespace Sen.Web.Features.Media;

/// <summary>
/// Decides what an upload is from its bytes alone; the file name and the browser's declared type are
/// never trusted. Anything not recognized (SVG, HTML, scripts, executables, macro documents) is null.
/// </summary>
public static class MediaSniffer
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const int MaxContentTypesChars = 1 << 20;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];

    // Legacy Office keeps macros in these storages; a document that runs code is not a document to publish.
    private static readonly string[] MacroStorages = ["Macros", "_VBA_PROJECT_CUR", "VBA"];

    public static MediaFormat? Sniff(ReadOnlyMemory<byte> content)
    {
        var head = content.Span;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return MediaFormat.Jpeg;
        }

        if (head.StartsWith(Png))
        {
            return MediaFormat.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return MediaFormat.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaFormat.Webp;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return MediaFormat.Pdf;
        }

        if (head.StartsWith(Zip))
        {
            return OfficeOpenXml(content);
        }

        return head.StartsWith(CompoundFile.Signature) ? LegacyOffice(head) : null;
    }

    /// <summary>A read-only stream over <paramref name="content"/>, without copying it when it is an array's.</summary>
    internal static MemoryStream OpenRead(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static MediaFormat? LegacyOffice(ReadOnlySpan<byte> content)
    {
        var names = CompoundFile.EntryNames(content);
        if (names is null || MacroStorages.Any(names.Contains))
        {
            return null;
        }

        return names.Contains("WordDocument") ? MediaFormat.Doc
            : names.Contains("Workbook") || names.Contains("Book") ? MediaFormat.Xls
            : null;
    }

    // A DOCX or XLSX is a zip whose [Content_Types].xml names a main document part of that kind, and that
    // part is in the zip. Macro-enabled variants (.docm, .xlsm) have other content types, so are refused.
    private static MediaFormat? OfficeOpenXml(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(OpenRead(content), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null)
            {
                return null;
            }

            using var stream = types.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxContentTypesChars,
            });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Override")
                {
                    continue;
                }

                var part = reader.GetAttribute("PartName") ?? "";
                var format = reader.GetAttribute("ContentType") switch
                {
                    WordMain when part.StartsWith("/word/", StringComparison.Ordinal) => MediaFormat.Docx,
                    ExcelMain when part.StartsWith("/xl/", StringComparison.Ordinal) => MediaFormat.Xlsx,
                    _ => null,
                };
                if (format is not null && zip.GetEntry(part[1..]) is not null)
                {
                    return format;
                }
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return null;
        }
    }
}
