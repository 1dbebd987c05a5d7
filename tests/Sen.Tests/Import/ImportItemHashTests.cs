using System.Text.Json;
using Sen.Web.Features.Import.Pipeline;

namespace Sen.Tests.Import;

/// <summary>
/// The pipeline hashes an item's JSON to know whether a re-import changes it. A field added later must not change the
/// JSON of items that do not use it, or every article imported before would be "updated" (a new revision) once.
/// </summary>
public sealed class ImportItemHashTests
{
    private static readonly ImportItem Item = new(
        "pages:tin/bai-1.html", "https://old.example.vn/tin/bai-1.html", ["/tin/bai-1.html"], "Tiêu đề", new DateTime(2019, 10, 3, 4, 5, 0, DateTimeKind.Utc),
        144, "Tác giả", "<p>Nội dung.</p>", null, ["Tin cũ"], [], [], null, Draft: false);

    [Fact]
    public void An_item_without_an_author_unit_serializes_as_before_the_field_existed()
    {
        var json = JsonSerializer.Serialize(Item);

        Assert.DoesNotContain("AuthorUnit", json, StringComparison.Ordinal);
        Assert.Contains("\"AuthorName\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_author_unit_is_part_of_the_item_when_given()
    {
        Assert.Contains("\"AuthorUnit\":\"Ban Tuy", JsonSerializer.Serialize(Item with { AuthorUnit = "Ban Tuyên giáo" }), StringComparison.Ordinal);
    }
}
