using System.Globalization;
using System.Text;
using Sen.Web.Text;

namespace Sen.Tools.Generate;

/// <summary>
/// Builds plausible Vietnamese Party-portal news from a curated vocabulary (places of Quảng Nam,
/// Party bodies, recurring topics and stock sentences of the genre). Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class VietnameseCorpus
{
    public static readonly string[] Places =
    [
        "Tam Kỳ", "Hội An", "Điện Bàn", "Duy Xuyên", "Quế Sơn", "Núi Thành", "Thăng Bình", "Đại Lộc",
        "Phú Ninh", "Tiên Phước", "Hiệp Đức", "Nông Sơn", "Bắc Trà My", "Nam Trà My", "Phước Sơn",
        "Nam Giang", "Đông Giang", "Tây Giang",
    ];

    private static readonly string[] Towns = ["Tam Kỳ", "Hội An", "Điện Bàn"];

    private static readonly string[] Bodies =
    [
        "Ban Thường vụ {unit}", "{unit}", "Ban Tuyên giáo {unit}", "Ban Dân vận {unit}", "Ban Tổ chức {unit}",
        "Ủy ban Kiểm tra {unit}", "Ủy ban MTTQ Việt Nam {area}", "Hội Nông dân {area}", "Hội Liên hiệp Phụ nữ {area}",
        "Hội Cựu chiến binh {area}", "Đoàn Thanh niên {area}", "Trung tâm Chính trị {area}", "Đảng ủy Quân sự {area}",
    ];

    private static readonly string[] Actions =
    [
        "tổ chức Hội nghị sơ kết", "tổ chức Hội nghị tổng kết", "triển khai", "quán triệt", "tổ chức hội thảo về",
        "kiểm tra việc thực hiện", "giám sát việc thực hiện", "ra mắt mô hình điểm về", "đối thoại với nhân dân về",
        "tập huấn nghiệp vụ", "bồi dưỡng lý luận chính trị về", "phát động thi đua thực hiện", "ban hành kế hoạch thực hiện",
        "làm việc với cơ sở về", "biểu dương điển hình tiên tiến trong",
    ];

    private static readonly string[] Topics =
    [
        "công tác xây dựng Đảng", "Nghị quyết Trung ương 4 khóa XII", "Chỉ thị 05-CT/TW của Bộ Chính trị",
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "xây dựng nông thôn mới", "phong trào “Dân vận khéo”",
        "công tác phòng, chống thiên tai", "chuyển đổi số", "cải cách hành chính", "Kết luận số 62-KL/TW",
        "công tác dân tộc, tôn giáo", "Quy chế dân chủ ở cơ sở", "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
        "công tác phát triển đảng viên", "sinh hoạt chi bộ", "giảm nghèo bền vững", "phát triển du lịch cộng đồng",
        "bảo vệ nền tảng tư tưởng của Đảng", "công tác cán bộ", "nhiệm vụ quốc phòng, an ninh", "an sinh xã hội",
        "phòng, chống tham nhũng, tiêu cực", "đại hội đảng bộ cơ sở", "công tác thông tin đối ngoại",
        "công tác tuyên truyền miệng", "phát triển kinh tế tập thể", "bảo vệ môi trường", "công tác giáo dục chính trị, tư tưởng",
    ];

    private static readonly string[] Periods =
    [
        "6 tháng đầu năm {year}", "năm {year}", "quý I năm {year}", "quý III năm {year}", "9 tháng năm {year}",
        "nhiệm kỳ 2020 - 2025", "giai đoạn 2021 - 2025", "nhiệm kỳ 2015 - 2020", "10 năm thực hiện",
    ];

    private static readonly string[] Openings =
    [
        "Ngày {day}, {body} {action} {topic} {period}.",
        "Sáng {day}, {body} đã {action} {topic} {period}.",
        "Chiều {day}, tại {place}, {body} {action} {topic}.",
        "Vừa qua, {body} {action} {topic} {period}.",
    ];

    private static readonly string[] Sentences =
    [
        "Dự hội nghị có đồng chí {person}, {role}, cùng đại diện lãnh đạo các ban, ngành, đoàn thể.",
        "Theo báo cáo, trong thời gian qua, các cấp ủy đảng đã tập trung lãnh đạo, chỉ đạo thực hiện đạt nhiều kết quả quan trọng.",
        "Công tác tuyên truyền, quán triệt được triển khai kịp thời, đồng bộ đến từng chi bộ, đảng viên.",
        "Nhiều mô hình, cách làm hay được nhân rộng, tạo sức lan tỏa sâu rộng trong cán bộ, đảng viên và nhân dân.",
        "Toàn {area} đã có {n} tập thể và {m} cá nhân được khen thưởng vì có thành tích xuất sắc.",
        "Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số hạn chế cần sớm khắc phục.",
        "Việc kiểm tra, giám sát ở một số nơi chưa thường xuyên, chất lượng sinh hoạt chi bộ chưa đồng đều.",
        "Phát biểu chỉ đạo, đồng chí {person} đề nghị các cấp ủy tiếp tục quán triệt sâu sắc tinh thần của nghị quyết.",
        "Các địa phương cần gắn việc thực hiện nhiệm vụ chính trị với xây dựng tổ chức đảng trong sạch, vững mạnh.",
        "Người đứng đầu cấp ủy phải nêu gương, nói đi đôi với làm, chịu trách nhiệm trước tập thể.",
        "Năm {year}, tổng thu ngân sách trên địa bàn ước đạt {n} tỷ đồng, tăng {m}% so với cùng kỳ.",
        "Đến nay, toàn {area} có {n} xã đạt chuẩn nông thôn mới, {m} thôn đạt chuẩn khu dân cư kiểu mẫu.",
        "Nhân dân đã tự nguyện hiến hơn {n} m² đất và đóng góp hàng nghìn ngày công để mở rộng đường giao thông.",
        "Công tác phát triển đảng viên được chú trọng, trong năm đã kết nạp {n} đảng viên mới.",
        "Mặt trận và các đoàn thể phát huy vai trò giám sát, phản biện xã hội, góp phần củng cố khối đại đoàn kết toàn dân tộc.",
        "Dịp này, {body} trao Huy hiệu 30, 40, 50 năm tuổi Đảng cho các đảng viên.",
        "Các đại biểu đã thảo luận, làm rõ nguyên nhân và đề xuất giải pháp thực hiện hiệu quả trong thời gian tới.",
        "Hội nghị thống nhất tập trung thực hiện tốt các chỉ tiêu kinh tế - xã hội, bảo đảm quốc phòng, an ninh.",
        "Lực lượng vũ trang {area} luôn sẵn sàng ứng phó với thiên tai, bảo vệ tính mạng và tài sản của nhân dân.",
        "Đồng bào các dân tộc miền núi {place} tin tưởng vào sự lãnh đạo của Đảng, chấp hành tốt chủ trương, chính sách.",
        "Ứng dụng công nghệ thông tin trong hoạt động của cơ quan đảng tiếp tục được đẩy mạnh.",
        "Kết thúc hội nghị, các đơn vị ký kết giao ước thi đua năm {year}.",
    ];

    private static readonly string[] Closings =
    [
        "Hội nghị kết thúc trong không khí phấn khởi, đoàn kết.",
        "Các cấp ủy đảng cần cụ thể hóa thành chương trình, kế hoạch phù hợp với tình hình thực tế của địa phương.",
        "Thời gian tới, {body} tiếp tục theo dõi, đôn đốc việc thực hiện, định kỳ sơ kết, rút kinh nghiệm.",
    ];

    private static readonly string[] Roles =
    [
        "Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư {unit}", "Phó Bí thư Thường trực {unit}", "Chủ tịch UBND {area}",
        "Trưởng Ban Tuyên giáo Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    ];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];

    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Hữu", "Ngọc", "Thanh", "Quốc", "Đức", "Xuân", "Hồng"];

    private static readonly string[] GivenNames =
    [
        "An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Phong",
        "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Trung", "Tuấn", "Vân", "Việt", "Yến",
    ];

    public static string Person(Random random) =>
        $"{Pick(random, FamilyNames)} {Pick(random, MiddleNames)} {Pick(random, GivenNames)}";

    /// <summary>A byline name as portals print it: given names only ("Minh Châu").</summary>
    public static string Byline(Random random) => $"{Pick(random, MiddleNames)} {Pick(random, GivenNames)}";

    public static string Unit(string place) =>
        Towns.Contains(place) ? (place == "Tam Kỳ" ? "Thành ủy Tam Kỳ" : place == "Hội An" ? "Thành ủy Hội An" : "Thị ủy Điện Bàn") : "Huyện ủy " + place;

    public static string Area(string place) =>
        Towns.Contains(place) ? (place == "Điện Bàn" ? "thị xã Điện Bàn" : "thành phố " + place) : "huyện " + place;

    public sealed record Story(string Title, string Lead, string BodyHtml, string AuthorUnit);

    public static Story Write(Random random, DateTime publishedLocal)
    {
        ArgumentNullException.ThrowIfNull(random);
        var place = Pick(random, Places);
        var slots = new Slots(random, place, publishedLocal);
        var body = slots.Fill(Pick(random, Bodies));
        var action = Pick(random, Actions);
        var topic = Pick(random, Topics);
        var period = slots.Fill(Pick(random, Periods));

        var title = $"{place}: {Capitalize(body)} {action} {topic} {period}";
        var lead = slots.Fill(Pick(random, Openings), body, action, topic, period) + " " + slots.Fill(Pick(random, Sentences));

        var html = new StringBuilder(2048);
        var paragraphs = random.Next(3, 9);
        for (var p = 0; p < paragraphs; p++)
        {
            html.Append("<p>");
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    html.Append(' ');
                }

                var template = p == paragraphs - 1 && s == sentences - 1 ? Pick(random, Closings) : Pick(random, Sentences);
                AppendEscaped(html, slots.Fill(template, body));
            }

            html.Append("</p>");
        }

        return new Story(Nfc(title), Nfc(lead), Nfc(html.ToString()), Nfc(Unit(place)));
    }

    private static string Nfc(string text) => VietnameseText.Nfc(text)!;

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    // Only text goes into the generated HTML, so escaping the three markup characters keeps it valid by construction.
    private static void AppendEscaped(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '&' => html.Append("&amp;"),
                _ => html.Append(c),
            };
        }
    }

    private sealed class Slots(Random random, string place, DateTime local)
    {
        public string Fill(string template, string? body = null, string? action = null, string? topic = null, string? period = null)
        {
            if (!template.Contains('{', StringComparison.Ordinal))
            {
                return template;
            }

            var unit = Unit(place);
            return template
                .Replace("{role}", Pick(random, Roles), StringComparison.Ordinal)
                .Replace("{unit}", unit, StringComparison.Ordinal)
                .Replace("{area}", Area(place), StringComparison.Ordinal)
                .Replace("{place}", place, StringComparison.Ordinal)
                .Replace("{body}", body ?? unit, StringComparison.Ordinal)
                .Replace("{action}", action ?? "", StringComparison.Ordinal)
                .Replace("{topic}", topic ?? "", StringComparison.Ordinal)
                .Replace("{period}", period ?? "", StringComparison.Ordinal)
                .Replace("{person}", Person(random), StringComparison.Ordinal)
                .Replace("{day}", local.ToString("d/M", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{year}", local.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{n}", random.Next(12, 480).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{m}", random.Next(3, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }
}
