using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Sen.Tests.Media;
using Sen.Web.Features.Documents;
using Sen.Web.Features.Media;

namespace Sen.Tests.Documents;

/// <summary>What the document library accepts: files by content and name, filters from the query string, numbers.</summary>
public sealed class DocumentRulesTests
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    [Fact]
    public void A_file_is_accepted_when_its_content_is_an_allowed_format_and_its_name_says_the_same()
    {
        Assert.Equal(MediaFormat.Pdf, DocumentFiles.Check(DemoDocuments.SamplePdf("Kết luận"), "Kết luận số 62.PDF"));
        var docx = TestFiles.OfficeZip("/word/document.xml", WordMain, "word/document.xml");
        Assert.Equal(MediaFormat.Docx, DocumentFiles.Check(docx, "phu-luc.docx"));
        Assert.Null(DocumentFiles.Check(docx, "phu-luc.pdf"));
        Assert.Null(DocumentFiles.Check(DemoDocuments.SamplePdf("x"), "x.docx"));
        Assert.Null(DocumentFiles.Check(DemoDocuments.SamplePdf("x"), "x"));
        Assert.Null(DocumentFiles.Check(TestFiles.Png(), "anh.pdf"));
        Assert.Null(DocumentFiles.Check(TestFiles.Ascii("<script>alert(1)</script>"), "a.pdf"));
    }

    [Theory]
    [InlineData("../../etc/Báo cáo.pdf", "Báo cáo.pdf")]
    [InlineData("C:\\Users\\a\\Phụ lục.docx", "Phụ lục.docx")]
    [InlineData("a\u0000b\".pdf", "ab.pdf")]
    public void File_names_keep_their_last_segment_without_control_characters(string name, string expected)
    {
        Assert.Equal(expected, DocumentFiles.CleanName(name));
    }

    [Theory]
    [InlineData("62-KL/TW", 62)]
    [InlineData("102-QĐ/TW", 102)]
    [InlineData("HD/TU", 0)]
    public void Numbers_sort_by_their_leading_digits(string number, int sequence)
    {
        Assert.Equal(sequence, DocumentFields.SequenceOf(number));
    }

    [Theory]
    [InlineData("xi", 11)]
    [InlineData("XXI", 21)]
    [InlineData("13", 13)]
    public void Terms_are_read_as_roman_numerals_or_numbers(string key, int term)
    {
        Assert.True(DocumentVocabulary.TryTerm(key, out var read));
        Assert.Equal(term, read);
        Assert.Equal(term, DocumentVocabulary.TermOfCategory("khoa-" + DocumentVocabulary.TermKey(term)));
    }

    [Theory]
    [InlineData("xxii")]
    [InlineData("0")]
    [InlineData("22")]
    [InlineData("")]
    [InlineData("iix")]
    public void Other_terms_are_refused(string key)
    {
        Assert.False(DocumentVocabulary.TryTerm(key, out _));
    }

    [Fact]
    public void Filters_round_trip_through_their_url_and_bad_ones_name_their_problem()
    {
        var filter = new DocumentFilter(DocumentKind.KetLuan, IssuingBody.BoChinhTri, 2009, 10, DocumentSort.Number);
        var url = filter.Url(2);
        Assert.Equal("/van-ban?loai=ket-luan&co-quan=bo-chinh-tri&nam=2009&khoa=x&sap-xep=so-hieu&trang=2", url);
        var (read, problem) = DocumentFilter.Read(Query(url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..]));
        Assert.Null(problem);
        Assert.Equal(filter, read);

        Assert.Equal("Document.Filter.BadYear", DocumentFilter.Read(Query("nam=209")).ProblemKey);
        Assert.Equal("Document.Filter.BadKind", DocumentFilter.Read(Query("loai=a&loai=b")).ProblemKey);
        Assert.Equal(DocumentFilter.None, DocumentFilter.Read(Query("loai=&khoa=")).Filter);
    }

    private static QueryCollection Query(string query) =>
        new(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => (StringValues)p.Value));
}
