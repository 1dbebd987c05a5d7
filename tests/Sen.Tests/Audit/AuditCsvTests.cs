using Sen.Web.Features.Audit;

namespace Sen.Tests.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("Hội nghị", "Hội nghị")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("nói \"có\"", "\"nói \"\"có\"\"\"")]
    [InlineData("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84 90", "'+84 90")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Cells_are_quoted_by_rfc_4180_and_formulas_made_text(string? value, string cell) =>
        Assert.Equal(cell, AuditCsv.Cell(value));

    [Fact]
    public void A_line_joins_cells_with_commas_and_ends_with_crlf() =>
        Assert.Equal("a,\"b,c\",,'-d\r\n", AuditCsv.Line(["a", "b,c", null, "-d"]));

    [Fact]
    public void The_file_starts_with_a_utf8_byte_order_mark_so_excel_reads_vietnamese() =>
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, AuditCsv.Encoding.GetPreamble());
}
