using System.Text;
using Sen.Web.Features.Import;

namespace Sen.Tests.Import;

public sealed class LegacyPageParserTests
{
    private static LegacyPage ParseSeed() => ParseOk(SeedFixture.Text());

    private static LegacyPage ParseOk(string text)
    {
        var result = LegacyPageParser.Parse(text);
        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        return result.Page!;
    }

    [Fact]
    public void Seed_fixture_is_the_byte_identical_seed_page()
    {
        var bytes = File.ReadAllBytes(SeedFixture.Path);
        Assert.Equal(8487, bytes.Length);
        Assert.Contains("\n\u00a0\n", SeedFixture.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_header_gives_site_title_date_and_views()
    {
        var page = ParseSeed();

        Assert.Equal("Trang thông tin điện tử Đảng Bộ tỉnh Quảng Nam", page.SiteName);
        Assert.Equal("Chào mừng bạn đến với Trang thông tin điện tử Đảng Bộ tỉnh Quảng Nam !", page.WelcomeLine);
        Assert.Equal("Quế Sơn: Hội nghị tổng kết 10 năm thực hiện Kết luận số 62-KL/TW của Bộ Chính trị", page.Title);
        Assert.Equal(new DateTime(2019, 10, 3, 11, 5, 0), page.PublishedAtLocal);
        Assert.Equal(DateTimeKind.Unspecified, page.PublishedAtLocal.Kind);
        Assert.Equal(144, page.Views);
    }

    [Fact]
    public void Seed_body_is_paragraph_caption_paragraphs_then_seven_points()
    {
        var body = ParseSeed().Body;

        Assert.Equal(
            [typeof(LegacyParagraph), typeof(LegacyCaption), typeof(LegacyParagraph), typeof(LegacyParagraph),
             typeof(LegacyNumberedPoint), typeof(LegacyNumberedPoint), typeof(LegacyNumberedPoint), typeof(LegacyNumberedPoint),
             typeof(LegacyNumberedPoint), typeof(LegacyNumberedPoint), typeof(LegacyNumberedPoint)],
            body.Select(b => b.GetType()));
    }

    [Fact]
    public void Seed_paragraphs_are_the_three_lines_of_the_file_exactly()
    {
        var paragraphs = ParseSeed().Body.OfType<LegacyParagraph>().Select(p => p.Text).ToList();

        Assert.Equal([SeedFixture.RawLine(9), SeedFixture.RawLine(14), SeedFixture.RawLine(15)], paragraphs);
        Assert.StartsWith("Vừa qua, Huyện ủy Quế Sơn tổ chức Hội nghị", paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("MTTQVN và Trưởng các đoàn thể.", paragraphs[0], StringComparison.Ordinal);
        Assert.Equal(655, paragraphs[0].Length);
        Assert.StartsWith("Sau 10 năm lãnh đạo thực hiện Kết luận số 62", paragraphs[1], StringComparison.Ordinal);
        Assert.EndsWith("đoàn thể ở một số cơ sở chưa được phát huy đúng mức.", paragraphs[1], StringComparison.Ordinal);
        Assert.Equal(2341, paragraphs[1].Length);
        Assert.StartsWith("Để thực hiện tốt hơn nữa nội dung Kết luận số 62", paragraphs[2], StringComparison.Ordinal);
        Assert.EndsWith("thực hiện mộ số nhiệm vụ trọng tâm đó là:", paragraphs[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_caption_is_the_line_after_the_lone_nbsp_line()
    {
        var caption = Assert.Single(ParseSeed().Body.OfType<LegacyCaption>());

        Assert.Equal(
            "Quang cảnh Hội nghị tổng kết 10 năm thực hiện Kết luận số 62-KL/TW của Bộ Chính trị tại huyện Quế Sơn",
            caption.Text);
    }

    [Fact]
    public void Seed_points_keep_their_numbers_and_lose_the_prefix_and_trailing_nbsp()
    {
        var points = ParseSeed().Body.OfType<LegacyNumberedPoint>().ToList();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], points.Select(p => p.Number));
        for (var i = 0; i < points.Count; i++)
        {
            Assert.Equal(SeedFixture.RawLine(16 + i)[3..], points[i].Text);
        }

        Assert.StartsWith("Tiếp tục tăng cường sự lãnh đạo của Đảng", points[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Tiếp tục đổi mới công tác tuyên truyền", points[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("không để xảy ra điểm nóng.", points[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Phát huy chức năng chăm lo", points[2].Text, StringComparison.Ordinal);
        Assert.StartsWith("Đa dạng hóa các hình thức tập hợp", points[3].Text, StringComparison.Ordinal);
        Assert.StartsWith("Nội dung hoạt động phải thiết thực", points[4].Text, StringComparison.Ordinal);
        Assert.StartsWith("Tăng cường công tác phối hợp", points[5].Text, StringComparison.Ordinal);
        Assert.EndsWith("từ huyện đến cơ sở.", points[5].Text, StringComparison.Ordinal);
        Assert.StartsWith("Phát huy vai trò của Mặt trận", points[6].Text, StringComparison.Ordinal);
        Assert.EndsWith("cán bộ chủ chốt và cán bộ, đảng viên.", points[6].Text, StringComparison.Ordinal);
        Assert.All(points, p => Assert.DoesNotContain('\u00a0', p.Text));
    }

    [Fact]
    public void Seed_author_splits_name_and_unit()
    {
        var page = ParseSeed();

        Assert.Equal("Thúy Lan", page.AuthorName);
        Assert.Equal("Ban DVHU Quế Sơn", page.AuthorUnit);
    }

    [Fact]
    public void Seed_side_column_gives_menu_more_link_and_poll()
    {
        var page = ParseSeed();

        var item = Assert.Single(page.SideMenu);
        Assert.Equal("Đảng Cộng sản Việt Nam", item.Name);
        Assert.Equal(
            ["Khóa IX", "Khóa X", "Khóa XI", "Khóa XII", "Khóa XVIII", "Khóa XIX", "Khóa XX", "Khóa XXI"],
            item.Children.Select(c => c.Name));
        Assert.All(item.Children, c => Assert.Empty(c.Children));
        Assert.Equal("Xem tất cả", page.SideMenuMoreText);
        Assert.Equal("Bạn đánh giá như thế nào về cổng thông tin này?", page.PollQuestion);
    }

    [Fact]
    public void Crlf_seed_parses_identically()
    {
        var crlf = SeedFixture.Text().Replace("\n", "\r\n", StringComparison.Ordinal);
        var cr = SeedFixture.Text().Replace("\n", "\r", StringComparison.Ordinal);

        AssertSamePage(ParseSeed(), ParseOk(crlf));
        AssertSamePage(ParseSeed(), ParseOk(cr));
    }

    [Fact]
    public void Nfd_seed_parses_to_the_same_nfc_page()
    {
        var nfd = SeedFixture.Text().Normalize(NormalizationForm.FormD);
        Assert.NotEqual(SeedFixture.Text(), nfd);

        var page = ParseOk(nfd);

        AssertSamePage(ParseSeed(), page);
        Assert.True(page.Title.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Extra_blank_lines_everywhere_change_nothing()
    {
        var lines = SeedFixture.Text().Split('\n');
        var padded = "\n \n\u3000\t\n" + string.Join("\n\n\n", lines) + "\n\n\n";

        AssertSamePage(ParseSeed(), ParseOk(padded));
    }

    [Fact]
    public void Missing_date_line_is_reported_at_the_line_where_it_was_expected()
    {
        var lines = SeedFixture.Text().Split('\n').ToList();
        lines.RemoveAt(6);

        var result = LegacyPageParser.Parse(string.Join('\n', lines));

        Assert.Null(result.Page);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(8, error.Line);
        Assert.StartsWith("Dòng 8: thiếu ngày đăng", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ngày đăng: HH:mm | dd/MM/yyyy", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ngày đăng: 11:05 | 31/02/2019 Lượt xem: 144")]
    [InlineData("Ngày đăng: 25:05 | 03/10/2019 Lượt xem: 144")]
    [InlineData("Ngày đăng: 11:05 | 03/13/2019")]
    [InlineData("Ngày đăng: hôm qua")]
    public void Invalid_date_is_an_error_on_the_date_line(string dateLine)
    {
        var result = LegacyPageParser.Parse(WithLine(7, dateLine));

        Assert.Null(result.Page);
        var error = Assert.Single(result.Errors);
        Assert.Equal(7, error.Line);
        Assert.StartsWith("Dòng 7: ngày đăng", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ngày đăng: 11:05 | 03/10/2019", 11, 5, 0)]
    [InlineData("Ngày đăng: 03/10/2019", 0, 0, 0)]
    [InlineData("NGÀY ĐĂNG:\u00a0\u00a011:05\u00a0|\u00a003/10/2019   LƯỢT XEM:\u00a0 1.234", 11, 5, 1234)]
    [InlineData("ngày đăng : 3/10/2019 11:05 lượt xem 1,234,567", 11, 5, 1234567)]
    [InlineData("Ngày đăng: 11:05|03/10/2019 Lượt xem: 0", 11, 5, 0)]
    public void Date_line_variants_are_accepted(string dateLine, int hour, int minute, long views)
    {
        var page = ParseOk(WithLine(7, dateLine));

        Assert.Equal(new DateTime(2019, 10, 3, hour, minute, 0), page.PublishedAtLocal);
        Assert.Equal(views, page.Views);
    }

    [Theory]
    [InlineData("Ngày đăng: 11:05 | 03/10/2019 Lượt xem: -5")]
    [InlineData("Ngày đăng: 11:05 | 03/10/2019 Lượt xem: nhiều")]
    [InlineData("Ngày đăng: 11:05 | 03/10/2019 Lượt xem: 12.34")]
    [InlineData("Ngày đăng: 11:05 | 03/10/2019 Lượt xem: 99999999999999999999")]
    public void Views_that_are_not_a_non_negative_integer_are_an_error(string dateLine)
    {
        var result = LegacyPageParser.Parse(WithLine(7, dateLine));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Dòng 7: lượt xem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_title_is_reported_on_the_date_line_that_took_its_place()
    {
        var lines = SeedFixture.Text().Split('\n').ToList();
        lines.RemoveAt(4);

        var result = LegacyPageParser.Parse(string.Join('\n', lines));

        Assert.Null(result.Page);
        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Line);
        Assert.Equal("Dòng 6: thiếu tiêu đề bài viết.", error.Message);
    }

    [Fact]
    public void Page_without_anything_after_the_welcome_line_reports_title_date_and_body()
    {
        var result = LegacyPageParser.Parse("Chào mừng bạn đến với Trang A !\n\nChi tiết tin\n");

        Assert.Equal([4, 4, 4], result.Errors.Select(e => e.Line));
        Assert.Contains("thiếu tiêu đề", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("thiếu ngày đăng", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("không có nội dung", result.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_body_is_an_error_on_the_line_after_the_date()
    {
        var text = "Chào mừng bạn đến với A !\nTiêu đề\nNgày đăng: 03/10/2019\n\nTác giả: B\n";

        var error = Assert.Single(LegacyPageParser.Parse(text).Errors);

        Assert.Equal("Dòng 5: bài viết không có nội dung.", error.Message);
    }

    [Fact]
    public void Minimal_page_without_welcome_author_or_side_column_parses()
    {
        var page = ParseOk("Tiêu đề\nNgày đăng: 03/10/2019\nMột đoạn.");

        Assert.Equal("", page.SiteName);
        Assert.Equal("", page.WelcomeLine);
        Assert.Equal("Tiêu đề", page.Title);
        Assert.Equal(0, page.Views);
        Assert.Equal([new LegacyParagraph("Một đoạn.")], page.Body);
        Assert.Equal("", page.AuthorName);
        Assert.Equal("", page.AuthorUnit);
        Assert.Empty(page.SideMenu);
        Assert.Null(page.SideMenuMoreText);
        Assert.Null(page.PollQuestion);
    }

    [Fact]
    public void Without_an_author_line_the_body_stops_at_the_back_link()
    {
        var lines = SeedFixture.Text().Split('\n').ToList();
        lines.RemoveAt(23);

        var page = ParseOk(string.Join('\n', lines));

        Assert.Equal(11, page.Body.Count);
        Assert.Equal("", page.AuthorName);
        Assert.Single(page.SideMenu);
    }

    [Fact]
    public void Author_without_unit_keeps_the_whole_name()
    {
        var page = ParseOk(WithLine(24, "Tác giả:   Nguyễn Văn A"));

        Assert.Equal("Nguyễn Văn A", page.AuthorName);
        Assert.Equal("", page.AuthorUnit);
    }

    [Fact]
    public void Author_unit_is_split_on_the_first_dash_only()
    {
        var page = ParseOk(WithLine(24, "tác giả: Trần B - Ban Tuyên giáo - Huyện ủy"));

        Assert.Equal("Trần B", page.AuthorName);
        Assert.Equal("Ban Tuyên giáo - Huyện ủy", page.AuthorUnit);
    }

    [Fact]
    public void Photo_placeholder_before_a_long_or_introducing_line_gives_no_caption()
    {
        var text = "T\nNgày đăng: 03/10/2019\n\u00a0\nCác nhiệm vụ sau:\n\u00a0\n" + new string('x', 300);

        var body = ParseOk(text).Body;

        Assert.All(body, b => Assert.IsType<LegacyParagraph>(b));
    }

    [Fact]
    public void Line_that_is_only_plain_spaces_does_not_make_a_caption()
    {
        var text = "T\nNgày đăng: 03/10/2019\nĐoạn một.\n   \nĐoạn hai.";

        Assert.All(ParseOk(text).Body, b => Assert.IsType<LegacyParagraph>(b));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\r\n")]
    [InlineData(" \t\u00a0\n\u00a0\u00a0\r\n   ")]
    public void Empty_or_whitespace_only_input_is_one_error_on_line_one(string text)
    {
        var result = LegacyPageParser.Parse(text);

        Assert.Null(result.Page);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("Dòng 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_input_is_a_programmer_error()
    {
        Assert.Throws<ArgumentNullException>(() => LegacyPageParser.Parse(null!));
    }

    [Fact]
    public void Title_of_ten_thousand_characters_is_rejected_on_its_line()
    {
        var result = LegacyPageParser.Parse(WithLine(5, new string('Ế', 10_000)));

        Assert.Null(result.Page);
        var error = Assert.Single(result.Errors);
        Assert.Equal(5, error.Line);
        Assert.StartsWith("Dòng 5: tiêu đề dài 10000 ký tự", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_of_five_hundred_characters_is_accepted()
    {
        Assert.Equal(500, ParseOk(WithLine(5, new string('a', 500))).Title.Length);
    }

    [Fact]
    public void Five_megabyte_input_is_refused_without_throwing()
    {
        var huge = string.Concat(Enumerable.Repeat(SeedFixture.Text(), 5 * 1024 * 1024 / 8000));

        var result = LegacyPageParser.Parse(huge);

        Assert.Null(result.Page);
        Assert.StartsWith("Dòng 1: văn bản quá lớn", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_hostile_lines_within_the_limit_parse_without_throwing()
    {
        var spaces = new string(' ', 500_000);
        var text = "Chào mừng bạn đến với " + new string('!', 400_000) + "x" + spaces + "y\n"
            + "Ngày đăng:" + spaces + "1" + "\n"
            + "» " + new string('»', 300_000);

        var result = LegacyPageParser.Parse(text);

        Assert.Null(result.Page);
        Assert.NotEmpty(result.Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_bytes_decoded_as_text_never_throw(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[random.Next(1, 200_000)];
        random.NextBytes(bytes);

        foreach (var text in new[] { Encoding.UTF8.GetString(bytes), Encoding.Latin1.GetString(bytes), Encoding.Unicode.GetString(bytes) })
        {
            var result = LegacyPageParser.Parse(text);
            Assert.True(result.Succeeded || result.Errors.Count > 0);
        }
    }

    [Fact]
    public void Seed_with_random_garbage_lines_never_throws()
    {
        var random = new Random(7);
        var lines = SeedFixture.Text().Split('\n').ToList();
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = (char)random.Next(0, 0x10000);
            }

            var copy = lines.ToList();
            copy.Insert(random.Next(0, copy.Count), new string(chars));
            _ = LegacyPageParser.Parse(string.Join('\n', copy));
        }
    }

    [Fact]
    public void Byte_swapped_bom_and_noncharacters_are_dropped_not_thrown_on()
    {
        var page = ParseOk("\uFFFE\uFEFF" + SeedFixture.Text().Replace("Lượt xem", "Lượt\uFDD0 xem", StringComparison.Ordinal));

        AssertSamePage(ParseSeed(), page);
    }

    [Fact]
    public void Side_menu_takes_several_items_and_ignores_links_and_poll_options()
    {
        var text = """
            Tiêu đề
            Ngày đăng: 03/10/2019
            Nội dung.
            Tác giả: A
            [Trở về]
            » Mục một
              Con 1

              Con 2
            »Mục hai
            XEM TẤT CẢ
            Liên kết website
            Báo Quảng Nam
            Thăm dò ý kiến

            Câu hỏi?
            Rất tốt
            """;

        var page = ParseOk(text);

        Assert.Equal(["[Mục một", "[Con 1", "]", "[Con 2", "]", "]", "[Mục hai", "]"], Flatten(page.SideMenu));
        Assert.Equal("XEM TẤT CẢ", page.SideMenuMoreText);
        Assert.Equal("Câu hỏi?", page.PollQuestion);
    }

    private static string WithLine(int number, string replacement)
    {
        var lines = SeedFixture.Text().Split('\n');
        lines[number - 1] = replacement;
        return string.Join('\n', lines);
    }

    private static void AssertSamePage(LegacyPage expected, LegacyPage actual)
    {
        Assert.Equal(expected.SiteName, actual.SiteName);
        Assert.Equal(expected.WelcomeLine, actual.WelcomeLine);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.PublishedAtLocal, actual.PublishedAtLocal);
        Assert.Equal(expected.Views, actual.Views);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.AuthorName, actual.AuthorName);
        Assert.Equal(expected.AuthorUnit, actual.AuthorUnit);
        Assert.Equal(Flatten(expected.SideMenu), Flatten(actual.SideMenu));
        Assert.Equal(expected.SideMenuMoreText, actual.SideMenuMoreText);
        Assert.Equal(expected.PollQuestion, actual.PollQuestion);
    }

    private static IEnumerable<string> Flatten(IEnumerable<LegacyMenuItem> items) =>
        items.SelectMany(i => new[] { "[" + i.Name }.Concat(Flatten(i.Children)).Append("]"));
}
