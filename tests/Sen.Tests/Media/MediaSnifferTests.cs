using Sen.Web.Features.Media;

namespace Sen.Tests.Media;

/// <summary>What an upload is comes from its bytes, never from its name or declared type.</summary>
public sealed class MediaSnifferTests
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    [Fact]
    public void Images_are_recognized_by_their_signatures()
    {
        Assert.Same(MediaFormat.Jpeg, MediaSniffer.Sniff(TestFiles.Jpeg()));
        Assert.Same(MediaFormat.Png, MediaSniffer.Sniff(TestFiles.Png()));
        Assert.Same(MediaFormat.Gif, MediaSniffer.Sniff(TestFiles.Gif()));
        Assert.Same(MediaFormat.Webp, MediaSniffer.Sniff(TestFiles.Webp()));
    }

    [Fact]
    public void A_pdf_is_recognized_by_its_header()
    {
        Assert.Same(MediaFormat.Pdf, MediaSniffer.Sniff(TestFiles.Ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")));
    }

    [Fact]
    public void Docx_and_xlsx_are_zips_whose_content_types_name_their_main_part()
    {
        Assert.Same(MediaFormat.Docx, MediaSniffer.Sniff(TestFiles.OfficeZip("/word/document.xml", WordMain, "word/document.xml")));
        Assert.Same(MediaFormat.Xlsx, MediaSniffer.Sniff(TestFiles.OfficeZip("/xl/workbook.xml", ExcelMain, "xl/workbook.xml")));
    }

    [Fact]
    public void Other_zips_are_refused_macro_documents_plain_archives_and_a_missing_main_part()
    {
        Assert.Null(MediaSniffer.Sniff(TestFiles.OfficeZip("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml")));
        Assert.Null(MediaSniffer.Sniff(TestFiles.OfficeZip("/word/document.xml", WordMain)));
        Assert.Null(MediaSniffer.Sniff(TestFiles.OfficeZip("/xl/workbook.xml", WordMain, "xl/workbook.xml")));

        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("shell.php").Open());
            writer.Write("<?php system($_GET['c']); ?>");
        }

        Assert.Null(MediaSniffer.Sniff(stream.ToArray()));
        Assert.Null(MediaSniffer.Sniff(TestFiles.Ascii("PK\u0003\u0004 not really a zip")));
    }

    [Fact]
    public void Legacy_doc_and_xls_are_told_apart_by_their_compound_file_streams()
    {
        Assert.Same(MediaFormat.Doc, MediaSniffer.Sniff(TestFiles.CompoundFile(["WordDocument", "1Table"])));
        Assert.Same(MediaFormat.Xls, MediaSniffer.Sniff(TestFiles.CompoundFile(["Workbook"])));
        Assert.Same(MediaFormat.Xls, MediaSniffer.Sniff(TestFiles.CompoundFile(["Book"])));
    }

    [Fact]
    public void Legacy_documents_with_macros_or_of_other_kinds_or_truncated_are_refused()
    {
        Assert.Null(MediaSniffer.Sniff(TestFiles.CompoundFile(["WordDocument"], storages: ["Macros"])));
        Assert.Null(MediaSniffer.Sniff(TestFiles.CompoundFile(["Workbook"], storages: ["_VBA_PROJECT_CUR"])));
        Assert.Null(MediaSniffer.Sniff(TestFiles.CompoundFile(["PowerPoint Document"])));
        Assert.Null(MediaSniffer.Sniff(TestFiles.CompoundFile(["WordDocument"]).AsMemory(0, 600)));
    }

    [Theory]
    [InlineData("<?php system($_GET['c']); ?>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")]
    [InlineData("MZ\u0090\u0000 an executable")]
    [InlineData("GIF8")]
    [InlineData("RIFF\u0000\u0000\u0000\u0000WAVEfmt ")]
    [InlineData("")]
    public void Anything_else_is_not_recognized(string content)
    {
        Assert.Null(MediaSniffer.Sniff(TestFiles.Ascii(content)));
    }
}
