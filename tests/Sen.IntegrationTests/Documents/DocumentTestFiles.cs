using System.IO.Compression;
using System.Text;
using Sen.Web.Features.Documents;

namespace Sen.IntegrationTests.Documents;

/// <summary>Real files of each accepted kind, and fakes that claim to be one.</summary>
public static class DocumentTestFiles
{
    public static byte[] Pdf(string title = "Van ban kiem thu") => DemoDocuments.SamplePdf(title);

    public static byte[] Docx() => OfficeZip("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Văn bản</w:t></w:r></w:p></w:body></w:document>");

    public static byte[] Xlsx() => OfficeZip("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");

    /// <summary>A zip that is no Office document: no [Content_Types].xml.</summary>
    public static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("không phải văn bản");
        }

        return buffer.ToArray();
    }

    public static byte[] Html() => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

    private static byte[] OfficeZip(string part, string contentType, string xml)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/{part}\" ContentType=\"{contentType}\"/></Types>");
            }

            using (var writer = new StreamWriter(zip.CreateEntry(part).Open()))
            {
                writer.Write(xml);
            }
        }

        return buffer.ToArray();
    }
}
