#!/usr/bin/env python3
"""Writes the search relevance corpus (tests/Sen.IntegrationTests/Search/Fixtures/corpus.jsonl).

The targeted articles are hand-written: each is what one or more queries of queries.jsonl
should find. The rest is generated from templates with real Vietnamese news vocabulary, with a
fixed seed, to make the index realistically crowded: its titles never use the targeted topics,
but its bodies mention their words, so they compete on body text only.
"""
import json, random, os

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Sen.IntegrationTests", "Search", "Fixtures", "corpus.jsonl")

def a(key, cat, date, title, lead, *body, author="Ban biên tập"):
    return {"key": key, "category": cat, "date": date, "title": title, "lead": lead,
            "body": "".join(f"<p>{p}</p>" for p in body), "author": author}

T = [
 a("thientai-hop", "tin-tuc-su-kien", "2020-10-12 08:00", "Ban Chỉ huy phòng, chống thiên tai tỉnh họp khẩn ứng phó bão số 9",
   "Các địa phương ven biển được yêu cầu kêu gọi tàu thuyền vào nơi tránh trú an toàn trước 17 giờ.",
   "Chiều 12/10, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh họp khẩn để triển khai các biện pháp ứng phó với bão số 9.",
   "Các huyện ven biển tổ chức sơ tán hơn 20.000 hộ dân ra khỏi vùng nguy hiểm; lực lượng vũ trang túc trực tại các điểm xung yếu."),
 a("bao-chi", "tin-tuc-su-kien", "2021-06-21 09:00", "Gặp mặt các cơ quan báo chí nhân kỷ niệm Ngày Báo chí Cách mạng Việt Nam",
   "Lãnh đạo tỉnh ghi nhận những đóng góp của đội ngũ phóng viên, biên tập viên trong công tác tuyên truyền.",
   "Nhân kỷ niệm 96 năm Ngày Báo chí Cách mạng Việt Nam (21/6), Thường trực Tỉnh ủy gặp mặt đại diện các cơ quan báo, đài trên địa bàn.",
   "Các đại biểu đề nghị tiếp tục nâng cao chất lượng thông tin, đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng."),
 a("danang-hoptac", "tin-tuc-su-kien", "2021-03-15 10:00", "Quảng Nam và Đà Nẵng ký kết chương trình hợp tác phát triển giai đoạn 2021 - 2025",
   "Hai địa phương thống nhất phối hợp trong quy hoạch, giao thông kết nối và phát triển du lịch.",
   "Sáng 15/3, tại thành phố Đà Nẵng, lãnh đạo hai địa phương đã ký kết chương trình hợp tác phát triển kinh tế - xã hội.",
   "Theo đó, hai bên ưu tiên đầu tư các tuyến giao thông kết nối, cùng xây dựng sản phẩm du lịch liên vùng."),
 a("nhavanhoa-dan", "tin-co-so", "2020-08-03 15:00", "Khánh thành nhà văn hóa đa năng thôn Phú Mỹ",
   "Công trình phục vụ sinh hoạt cộng đồng, tập luyện thể thao và làm nơi tránh trú khi có bão lũ.",
   "Nhà văn hóa đa năng được xây dựng với tổng kinh phí 1,2 tỷ đồng, trong đó nhân dân đóng góp hơn 300 triệu đồng và nhiều ngày công lao động.",
   "Công trình là kết quả của phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư."),
 a("muabao-sotan", "tin-co-so", "2020-10-28 06:30", "Duy Xuyên: Sơ tán dân vùng trũng trước mùa mưa bão",
   "Hơn 1.500 hộ dân ở các xã vùng trũng đã được di dời đến nơi an toàn.",
   "Trước diễn biến phức tạp của mưa lớn, huyện Duy Xuyên huy động lực lượng dân quân, đoàn viên thanh niên giúp dân chằng chống nhà cửa.",
   "Các trường học được sử dụng làm điểm tránh trú, bảo đảm lương thực, nước uống và thuốc men cho người dân."),
 a("muaban-nongsan", "tin-co-so", "2021-09-10 14:00", "Kết nối tiêu thụ nông sản: hợp tác xã mua bán trực tuyến",
   "Các hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử, mở rộng thị trường tiêu thụ.",
   "Với sự hỗ trợ của Sở Công Thương, nhiều hợp tác xã đã tổ chức mua bán trực tuyến các sản phẩm như quế Trà My, sâm Ngọc Linh, rượu Hồng Đào.",
   "Hình thức bán hàng mới giúp nông dân giảm phụ thuộc vào thương lái và nâng cao thu nhập."),
 a("que-tramy", "tin-co-so", "2021-11-05 09:00", "Phát triển vùng trồng quế Trà My gắn với chỉ dẫn địa lý",
   "Cây quế được xác định là cây trồng chủ lực giúp đồng bào Ca Dong, Xơ Đăng thoát nghèo bền vững.",
   "Huyện Bắc Trà My hiện có hơn 9.000 ha quế, trong đó nhiều diện tích được chứng nhận hữu cơ.",
   "Huyện ủy chỉ đạo các chi bộ thôn vận động bà con không khai thác quế non, giữ gìn thương hiệu quế Trà My."),
 a("queson-lu", "tin-co-so", "2020-11-02 16:00", "Hỗ trợ người dân vùng lũ khắc phục thiệt hại sau bão",
   "Hàng trăm tấn gạo, mì tôm và nước uống đã đến tay người dân các xã của huyện Quế Sơn và Nông Sơn.",
   "Ủy ban MTTQ Việt Nam tỉnh tiếp nhận và phân bổ kịp thời nguồn hỗ trợ của các tổ chức, cá nhân trong và ngoài tỉnh.",
   "Các đoàn thể chính trị - xã hội huy động đoàn viên, hội viên giúp dân dọn dẹp bùn đất, sửa chữa nhà cửa."),
 a("cds-hoithao", "tin-tuc-su-kien", "2022-04-20 08:30", "Hội thảo chuyển đổi số trong hoạt động của các cơ quan Đảng",
   "Chuyển đổi số được xác định là giải pháp đột phá để nâng cao hiệu quả lãnh đạo, chỉ đạo và điều hành.",
   "Hội thảo do Văn phòng Tỉnh ủy tổ chức, tập trung thảo luận việc số hóa hồ sơ, tài liệu và sử dụng văn bản điện tử ký số.",
   "Các đại biểu kiến nghị đầu tư hạ tầng, đào tạo kỹ năng số cho đội ngũ cán bộ, công chức."),
 a("cds-capxa", "tin-co-so", "2022-07-08 10:00", "Tổ công nghệ số cộng đồng hỗ trợ người dân cài đặt dịch vụ công trực tuyến",
   "Mỗi thôn có một tổ công nghệ số cộng đồng, góp phần đưa chuyển đổi số về tận cơ sở.",
   "Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt ứng dụng định danh điện tử, thanh toán không dùng tiền mặt và nộp hồ sơ trực tuyến.",
   "Đây là mô hình thiết thực góp phần thực hiện chương trình chuyển đổi số quốc gia ở cơ sở."),
 a("nqc-18", "xay-dung-dang", "2018-05-10 09:00", "Quán triệt Nghị quyết số 18-NQ/TW về sắp xếp tổ chức bộ máy tinh gọn",
   "Hội nghị trực tuyến quán triệt các nghị quyết Hội nghị Trung ương 6 khóa XII đến cán bộ chủ chốt.",
   "Nghị quyết số 18-NQ/TW ngày 25/10/2017 yêu cầu tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả.",
   "Tỉnh ủy giao các ban xây dựng chương trình hành động thực hiện nghị quyết."),
 a("ct-05", "hoc-tap-va-lam-theo-bac", "2017-02-15 08:00", "Triển khai Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo Bác",
   "Chỉ thị 05-CT/TW được triển khai sâu rộng đến từng chi bộ, gắn với nhiệm vụ chính trị của mỗi cơ quan, đơn vị.",
   "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
   "Mỗi cán bộ, đảng viên đăng ký một việc làm cụ thể để làm theo Bác ngay từ đầu năm."),
 a("nq-35", "xay-dung-dang", "2019-06-12 14:00", "Bảo vệ nền tảng tư tưởng của Đảng theo Nghị quyết 35-NQ/TW",
   "Ban Chỉ đạo 35 tỉnh ra mắt lực lượng nòng cốt đấu tranh phản bác quan điểm sai trái trên không gian mạng.",
   "Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới.",
   "Mỗi cán bộ, đảng viên là một tuyên truyền viên tích cực trên mạng xã hội."),
 a("qd-1234", "tin-tuc-su-kien", "2021-05-18 11:00", "Công bố Quyết định số 1234/QĐ-UBND về danh mục thủ tục hành chính mới",
   "Có 56 thủ tục hành chính được chuẩn hóa, thực hiện qua dịch vụ công trực tuyến toàn trình.",
   "Quyết định 1234/QĐ-UBND của Ủy ban nhân dân tỉnh công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung.",
   "Bộ phận một cửa các cấp niêm yết công khai để người dân, doanh nghiệp biết và thực hiện."),
 a("cchc-ketqua", "tin-tuc-su-kien", "2022-02-22 09:00", "Chỉ số cải cách hành chính của tỉnh tăng 7 bậc",
   "Kết quả nhờ đẩy mạnh dịch vụ công trực tuyến và tinh giản thủ tục hành chính.",
   "Năm qua, tỉnh tập trung thực hiện cải cách hành chính, nâng cao chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước.",
   "Thời gian giải quyết hồ sơ được rút ngắn trung bình 30% so với quy định."),
 a("ntm-phrase", "tin-co-so", "2021-12-01 08:00", "Thăng Bình có thêm 3 xã đạt chuẩn nông thôn mới nâng cao",
   "Các xã Bình Triều, Bình Giang, Bình Minh được công nhận đạt chuẩn nông thôn mới nâng cao năm 2021.",
   "Chương trình mục tiêu quốc gia xây dựng nông thôn mới được huyện Thăng Bình triển khai đồng bộ, lấy người dân làm chủ thể.",
   "Hạ tầng giao thông, thủy lợi, trường học, trạm y tế được đầu tư khang trang."),
 a("ntm-scattered", "tin-co-so", "2021-04-14 08:00", "Xây dựng thôn mới gắn với bảo tồn làng quê truyền thống ở vùng nông thôn miền núi",
   "Người dân tự nguyện góp công chỉnh trang khu dân cư, giữ gìn nét kiến trúc nhà sàn.",
   "Ở các xã vùng cao, mô hình thôn mới được xây dựng trên nền nếp làng quê truyền thống, kết hợp phát triển du lịch cộng đồng.",
   "Nhiều hộ gia đình đã có thu nhập ổn định từ dịch vụ lưu trú và sản phẩm thủ công."),
 a("doan-thanhnien", "cong-tac-dan-van", "2022-03-26 07:30", "Đoàn Thanh niên ra quân Tháng Thanh niên với hơn 200 công trình",
   "Đoàn viên, thanh niên toàn tỉnh sôi nổi ra quân thực hiện các phần việc tình nguyện vì cộng đồng.",
   "Nhân kỷ niệm ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh, các cơ sở đoàn đồng loạt ra quân làm đường, trồng cây xanh, thắp sáng đường quê.",
   "Tỉnh đoàn phát động cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh dành cho đoàn viên."),
 a("dai-hoi-dbt", "tin-tuc-su-kien", "2020-10-15 08:00", "Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII, nhiệm kỳ 2020 - 2025 thành công tốt đẹp",
   "Đại hội bầu Ban Chấp hành Đảng bộ tỉnh khóa XXII gồm 53 đồng chí và đoàn đại biểu dự Đại hội XIII của Đảng.",
   "Sau 3 ngày làm việc khẩn trương, nghiêm túc, Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII đã hoàn thành chương trình đề ra.",
   "Đại hội thông qua Nghị quyết với các chỉ tiêu chủ yếu về kinh tế - xã hội, quốc phòng - an ninh và xây dựng Đảng."),
 a("dai-hoi-coso", "xay-dung-dang", "2020-04-20 09:00", "Hoàn thành đại hội chi bộ, đảng bộ cơ sở nhiệm kỳ 2020 - 2025",
   "Toàn tỉnh có 100% tổ chức cơ sở đảng tổ chức đại hội đúng tiến độ, bảo đảm an toàn phòng dịch.",
   "Các đại hội đảng bộ cơ sở bầu cấp ủy có cơ cấu hợp lý, tỷ lệ cán bộ trẻ và cán bộ nữ tăng so với nhiệm kỳ trước.",
   "Nhiều đại hội áp dụng hình thức trực tuyến và hạn chế số lượng đại biểu."),
 a("ubkt-kyluat", "xay-dung-dang", "2021-08-30 16:00", "Ủy ban Kiểm tra Tỉnh ủy thi hành kỷ luật hai đảng viên vi phạm",
   "Các đảng viên bị kỷ luật do vi phạm quy định về quản lý đất đai và những điều đảng viên không được làm.",
   "Tại kỳ họp thứ 15, Ủy ban Kiểm tra Tỉnh ủy xem xét kết quả kiểm tra khi có dấu hiệu vi phạm đối với Ban Thường vụ Đảng ủy một xã.",
   "Ủy ban Kiểm tra quyết định thi hành kỷ luật bằng hình thức cảnh cáo đối với hai đảng viên."),
 a("hoa-rau", "cong-tac-dan-van", "2021-05-05 10:00", "Hội Nông dân tỉnh tập huấn kỹ thuật trồng hoa, rau an toàn",
   "Hội viên được hướng dẫn sản xuất hoa, rau theo tiêu chuẩn VietGAP.",
   "Lớp tập huấn thu hút hơn 100 hội viên nông dân của các huyện đồng bằng tham gia.",
   "Hội Nông dân cam kết hỗ trợ kết nối đầu ra cho sản phẩm đạt chuẩn."),
 a("hoian-disan", "tin-tuc-su-kien", "2019-12-04 09:00", "Hội An kỷ niệm 20 năm được công nhận Di sản văn hóa thế giới",
   "Chuỗi hoạt động văn hóa, nghệ thuật diễn ra tại phố cổ trong suốt tháng 12.",
   "Ngày 4/12/1999, Đô thị cổ Hội An được UNESCO công nhận là Di sản văn hóa thế giới.",
   "Thành ủy Hội An chỉ đạo bảo tồn, phát huy giá trị di sản gắn với phát triển du lịch bền vững."),
 a("myson", "tin-tuc-su-kien", "2019-12-01 08:00", "Bảo tồn Khu đền tháp Mỹ Sơn gắn với phát triển du lịch",
   "Khu đền tháp Mỹ Sơn đón hơn 400.000 lượt khách trong năm.",
   "Huyện Duy Xuyên phối hợp với các chuyên gia quốc tế trùng tu các nhóm tháp, đồng thời phát triển các tour du lịch cộng đồng.",
   "Ban Quản lý Di sản Mỹ Sơn tăng cường tuyên truyền ý thức bảo vệ di tích cho người dân địa phương."),
 a("dienban-ketnap", "tin-co-so", "2021-02-03 09:00", "Điện Bàn kết nạp 120 đảng viên mới nhân kỷ niệm Ngày thành lập Đảng",
   "Đảng viên mới chủ yếu là đoàn viên thanh niên ưu tú, công nhân lao động trong doanh nghiệp.",
   "Nhân kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam, Thị ủy Điện Bàn tổ chức lễ kết nạp đảng viên mới tại các chi bộ.",
   "Công tác phát triển đảng viên trong doanh nghiệp ngoài nhà nước có nhiều chuyển biến."),
 a("phunu-khoinghiep", "cong-tac-dan-van", "2022-10-20 08:00", "Hội Liên hiệp Phụ nữ hỗ trợ phụ nữ khởi nghiệp",
   "Nhiều mô hình kinh tế do phụ nữ làm chủ được hỗ trợ vốn và kỹ năng quản lý.",
   "Nhân kỷ niệm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam 20/10, Hội trao giấy chứng nhận cho 15 dự án khởi nghiệp xuất sắc.",
   "Các dự án tập trung vào chế biến nông sản, dịch vụ du lịch và thủ công mỹ nghệ."),
 a("ccb-nhatinh", "cong-tac-dan-van", "2019-07-25 09:00", "Hội Cựu chiến binh trao nhà tình nghĩa cho gia đình chính sách",
   "Ngôi nhà trị giá 60 triệu đồng do hội viên cựu chiến binh đóng góp xây dựng.",
   "Nhân kỷ niệm Ngày Thương binh - Liệt sĩ 27/7, Hội Cựu chiến binh huyện Tiên Phước bàn giao nhà tình nghĩa cho mẹ liệt sĩ Trần Thị Lý.",
   "Phong trào đền ơn đáp nghĩa được các cấp hội duy trì thường xuyên."),
 a("ldld-tet", "cong-tac-dan-van", "2023-01-12 15:00", "Liên đoàn Lao động tỉnh tổ chức Tết Sum vầy cho công nhân",
   "Hơn 2.000 suất quà được trao cho công nhân có hoàn cảnh khó khăn.",
   "Chương trình Tết Sum vầy năm nay tổ chức tại Khu công nghiệp Điện Nam - Điện Ngọc với nhiều hoạt động văn hóa, thể thao.",
   "Công đoàn cấp trên phối hợp với doanh nghiệp hỗ trợ vé xe cho công nhân về quê đón Tết."),
 a("an-sinh", "tin-tuc-su-kien", "2022-12-28 10:00", "Bảo đảm an sinh xã hội, chăm lo Tết cho người nghèo",
   "Tỉnh dành hơn 50 tỷ đồng thăm, tặng quà gia đình chính sách, hộ nghèo dịp Tết Nguyên đán.",
   "Các cấp ủy, chính quyền chủ động rà soát, không để hộ dân nào thiếu đói trong dịp Tết.",
   "Quỹ Vì người nghèo các cấp tiếp tục hỗ trợ xây dựng nhà Đại đoàn kết."),
 a("giamngheo", "tin-tuc-su-kien", "2023-03-09 09:00", "Giảm nghèo bền vững ở các huyện miền núi",
   "Tỷ lệ hộ nghèo ở 9 huyện miền núi giảm bình quân 4% mỗi năm.",
   "Chương trình mục tiêu quốc gia giảm nghèo bền vững hỗ trợ sinh kế, nhà ở và đào tạo nghề cho người dân.",
   "Đồng bào dân tộc thiểu số được vay vốn ưu đãi để phát triển chăn nuôi, trồng rừng."),
 a("bac-130nam", "hoc-tap-va-lam-theo-bac", "2020-05-19 08:00", "Kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh",
   "Các hoạt động kỷ niệm được tổ chức trang trọng, thiết thực, phù hợp với tình hình phòng chống dịch.",
   "Nhân kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2020), Tỉnh ủy tổ chức dâng hoa tại Tượng đài Bác Hồ.",
   "Triển lãm ảnh về cuộc đời và sự nghiệp của Người thu hút đông đảo học sinh tham quan."),
 a("guong-dienhinh", "hoc-tap-va-lam-theo-bac", "2022-05-18 09:00", "Người thầy giáo vùng cao làm theo lời Bác",
   "Hơn 20 năm gắn bó với học trò vùng cao, thầy Alăng Văn Hùng được tuyên dương điển hình tiên tiến.",
   "Thầy giáo Alăng Văn Hùng ở huyện Tây Giang đã vận động hàng trăm học sinh bỏ học trở lại trường.",
   "Câu chuyện của thầy là tấm gương sáng về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
 a("covid", "tin-tuc-su-kien", "2021-08-05 19:00", "Tỉnh ủy chỉ đạo tăng cường phòng, chống dịch COVID-19",
   "Thực hiện giãn cách xã hội tại các địa bàn có nguy cơ cao.",
   "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy đảng lãnh đạo thực hiện nghiêm các biện pháp phòng, chống dịch COVID-19.",
   "Người đứng đầu cấp ủy, chính quyền chịu trách nhiệm nếu để dịch lây lan trong cộng đồng."),
 a("bien-dao", "tin-tuc-su-kien", "2022-06-08 08:00", "Tuyên truyền về biển, đảo cho ngư dân ven biển",
   "Ngư dân được phổ biến Luật Biển Việt Nam và quy định chống khai thác hải sản bất hợp pháp.",
   "Ban Tuyên giáo Tỉnh ủy phối hợp Bộ đội Biên phòng tổ chức tuyên truyền tại các cảng cá Tam Quang, Tam Hải.",
   "Ngư dân cam kết không vi phạm vùng biển nước ngoài, góp phần gỡ thẻ vàng IUU."),
 a("rung-dan", "cong-tac-dan-van", "2021-07-01 09:00", "Đồng bào Cơ Tu giữ rừng bằng hương ước",
   "Các làng ở Tây Giang, Đông Giang đưa việc bảo vệ rừng vào hương ước, quy ước.",
   "Già làng, người có uy tín là lực lượng nòng cốt vận động bà con không phá rừng, săn bắt động vật hoang dã.",
   "Nhờ làm tốt công tác dân vận, diện tích rừng tự nhiên được giữ vững."),
 a("mattran-giamsat", "cong-tac-dan-van", "2022-09-14 14:00", "Mặt trận Tổ quốc giám sát việc thu hồi đất làm dự án",
   "Đoàn giám sát lắng nghe ý kiến của người dân có đất bị thu hồi.",
   "Ủy ban MTTQ Việt Nam tỉnh giám sát việc bồi thường, hỗ trợ, tái định cư tại dự án đường ven biển.",
   "Các kiến nghị của người dân được tổng hợp, gửi cơ quan có thẩm quyền giải quyết."),
 a("tiepdan", "xay-dung-dang", "2021-10-11 09:00", "Bí thư Tỉnh ủy tiếp công dân định kỳ",
   "Bí thư Tỉnh ủy trực tiếp đối thoại, giải quyết các kiến nghị kéo dài.",
   "Thực hiện Quy định số 11-QĐi/TW về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân.",
   "Các vụ việc được giao cho các cơ quan chức năng giải quyết dứt điểm trong 30 ngày."),
 a("dangvien-trevung", "xay-dung-dang", "2022-08-19 08:00", "Xóa thôn chưa có đảng viên, chi bộ ở vùng cao",
   "Tỉnh cơ bản xóa được thôn chưa có đảng viên; nhiều thôn đã có chi bộ độc lập.",
   "Cấp ủy các huyện miền núi chú trọng bồi dưỡng quần chúng ưu tú là người dân tộc thiểu số.",
   "Nhiều già làng, trưởng thôn được kết nạp vào Đảng, phát huy vai trò trong cộng đồng."),
 a("trungthu", "tin-co-so", "2022-09-09 19:00", "Vui Tết Trung thu cho thiếu nhi vùng lũ",
   "Các em thiếu nhi được nhận quà, xem múa lân và phá cỗ.",
   "Đoàn Thanh niên phối hợp các nhà hảo tâm tổ chức đêm hội trăng rằm cho hơn 500 em thiếu nhi.",
   "Chương trình mang lại niềm vui cho các em sau những ngày mưa lũ."),
 a("dichvucong", "tin-tuc-su-kien", "2023-05-16 08:00", "Đẩy mạnh dịch vụ công trực tuyến toàn trình",
   "Tỷ lệ hồ sơ nộp trực tuyến đạt 65%, tăng gấp đôi so với cùng kỳ.",
   "Trung tâm Phục vụ hành chính công tỉnh hướng dẫn người dân nộp hồ sơ qua Cổng dịch vụ công quốc gia.",
   "Người dân không phải đi lại nhiều lần, tiết kiệm thời gian và chi phí."),
 a("cau-giaothuy", "tin-tuc-su-kien", "2023-08-21 10:00", "Khởi công cầu Giao Thủy nối hai bờ sông Thu Bồn",
   "Cây cầu dài 1,2 km, tổng mức đầu tư 350 tỷ đồng.",
   "Cầu Giao Thủy được khởi công sau nhiều năm người dân mong đợi, kết nối các xã vùng Đông của huyện Duy Xuyên và Đại Lộc.",
   "Công trình dự kiến hoàn thành năm 2025."),
 a("so-tay-dang-vien", "xay-dung-dang", "2023-06-01 09:00", "Phát hành sổ tay đảng viên điện tử",
   "Ứng dụng giúp đảng viên tra cứu văn bản, nghị quyết trên điện thoại, một bước chuyển đổi số trong công tác đảng.",
   "Sổ tay đảng viên điện tử có các chức năng: tra cứu văn bản, điều lệ Đảng, lịch sinh hoạt chi bộ và thông báo của cấp ủy.",
   "Ứng dụng là một bước quan trọng trong chuyển đổi số công tác đảng."),
]

PLACES = ["Núi Thành", "Đại Lộc", "Tam Kỳ", "Điện Bàn", "Thăng Bình", "Tiên Phước", "Bắc Trà My", "Nam Giang", "Phú Ninh", "Hiệp Đức", "Đông Giang", "Tây Giang", "Phước Sơn", "Nam Trà My", "Hội An", "Duy Xuyên"]
EVENTS = ["Sơ kết 6 tháng", "Tổng kết năm", "Hội nghị giao ban", "Tập huấn nghiệp vụ", "Kiểm tra công tác", "Phát động thi đua", "Hội nghị tổng kết", "Gặp mặt", "Tọa đàm"]
TOPICS = ["công tác tuyên giáo", "công tác tổ chức cán bộ", "công tác văn phòng cấp ủy", "công tác nội chính", "công tác thi đua, khen thưởng", "phát triển kinh tế tập thể", "công tác dân tộc", "công tác quốc phòng địa phương", "công tác thông tin đối ngoại", "công tác lưu trữ", "công tác tài chính đảng", "công tác bảo vệ chính trị nội bộ", "phong trào văn hóa, văn nghệ", "công tác khuyến học", "công tác y tế cơ sở", "phổ biến giáo dục pháp luật"]
SUBJECTS = ["Ban Thường vụ Huyện ủy", "Đảng ủy xã", "Ủy ban MTTQ Việt Nam huyện", "Hội Liên hiệp Phụ nữ huyện", "Huyện đoàn", "Hội Nông dân xã", "Hội Cựu chiến binh", "Liên đoàn Lao động huyện", "Chi bộ thôn", "Các cấp ủy đảng"]
VERBS = ["đã tổ chức", "tiếp tục đẩy mạnh", "triển khai thực hiện", "quán triệt", "đánh giá kết quả", "chỉ đạo", "phối hợp thực hiện", "tăng cường"]
# Words of targeted topics, used in filler bodies only: they compete on body text, never on titles.
DISTRACT = ["phòng, chống thiên tai", "chuyển đổi số", "cải cách hành chính", "nông thôn mới", "đại hội đảng bộ", "kiểm tra, giám sát", "an sinh xã hội", "dịch vụ công trực tuyến", "Đoàn Thanh niên", "học tập và làm theo Bác", "giảm nghèo", "bảo vệ rừng"]
TAILS = ["trong năm qua", "với nhiều kết quả quan trọng", "đến từng chi bộ, đảng viên", "tại các thôn, khối phố", "gắn với nhiệm vụ chính trị của địa phương", "theo đúng kế hoạch đề ra", "trong tình hình mới", "nhằm nâng cao đời sống nhân dân"]
AUTHORS = ["Minh Châu", "Hoàng Anh", "Thanh Tâm", "Quốc Việt", "Phương Thảo", "Thúy Lan", "Ngọc Hà", "Đức Toàn"]
CATS = ["tin-tuc-su-kien", "tin-co-so", "xay-dung-dang", "cong-tac-dan-van", "hoc-tap-va-lam-theo-bac"]

def filler(i, rnd):
    place, event, topic = rnd.choice(PLACES), rnd.choice(EVENTS), rnd.choice(TOPICS)
    title = f"{place}: {event} {topic}"
    def sentence(extra=None):
        return f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {extra or topic} {rnd.choice(TAILS)}."
    paras = []
    for p in range(3 + rnd.randint(0, 3)):
        s = [sentence(), sentence()]
        if rnd.random() < 0.3:
            s.append(sentence(rnd.choice(DISTRACT)))
        paras.append(" ".join(s))
    return {"key": f"f{i:03d}", "category": rnd.choice(CATS),
            "date": f"20{rnd.randint(17, 23)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} {rnd.randint(7, 17):02d}:00",
            "title": title, "lead": sentence() + " " + sentence(), "body": "".join(f"<p>{p}</p>" for p in paras),
            "author": rnd.choice(AUTHORS)}

rnd = random.Random(62)
rows = T + [filler(i, rnd) for i in range(1, 201 - len(T) + 10)]
with open(OUT, "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(T), "targeted,", len(rows), "in all")
