using Sen.Tests.Localization;
using Sen.Web.Features.Audit;

namespace Sen.Tests.Audit;

public sealed class AuditActionsTests
{
    [Fact]
    public void Every_action_is_listed_once_and_has_a_label_in_strings_tsv()
    {
        Assert.Contains(AuditActions.ArticlePublished, AuditActions.All);
        Assert.Contains(AuditActions.AuditExported, AuditActions.All);
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct(StringComparer.Ordinal).Count());
        var keys = UiStrings.Read().Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var missing = AuditActions.All.Where(a => !keys.Contains(AuditActions.LabelKey(a))).ToList();
        Assert.True(missing.Count == 0, "Actions without a label (add Audit.Action.{action} to strings.tsv): " + string.Join(", ", missing));
    }

    [Fact]
    public void Emptying_the_bin_records_an_action_the_filter_knows() =>
        Assert.Contains(Sen.Web.Features.Newsroom.EmptyBin.AuditAction, AuditActions.All);

    [Theory]
    [InlineData("""{"Title":["Cũ","Mới"],"Review":["Submitted",null]}""", "Title|Cũ|Mới;Review|Submitted|")]
    [InlineData("""{"Count":[1,2]}""", "Count|1|2")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void Changes_read_as_field_before_after(string? json, string expected)
    {
        var changes = AuditChanges.Read(json);
        Assert.NotNull(changes);
        Assert.Equal(expected, string.Join(";", changes.Select(c => $"{c.Field}|{c.Before}|{c.After}")));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"Title":"only one"}""")]
    [InlineData("""{"Title":["a","b","c"]}""")]
    public void Changes_of_another_shape_are_null_so_the_page_shows_them_as_stored(string json) =>
        Assert.Null(AuditChanges.Read(json));
}
