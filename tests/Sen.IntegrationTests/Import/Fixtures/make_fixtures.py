#!/usr/bin/env python3
"""Writes the saved-page fixtures (run once; the files are committed). Python only because one page must be windows-1258 bytes."""
import os, struct, zlib, unicodedata

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages")

def png(width, height, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

def write(rel, text, encoding="utf-8"):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))

def write_bytes(rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)

MENU = """<div id="header"><div class="logo"><h1>Cổng thông tin điện tử Tỉnh ủy Mẫu</h1></div>
<div class="top-date">Thứ hai, 02/12/2026</div></div>
<ul class="mainmenu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li></ul>
<div class="banner"><img src="banner.gif" alt="Chào mừng Đại hội"></div>"""
FOOTER = """<div class="share-bar"><a href="https://facebook.com/share">Chia sẻ Facebook</a> <a href="#">In bài</a></div>
<div id="footer"><p>Bản quyền thuộc Tỉnh ủy Mẫu. Địa chỉ: số 1 đường Lê Lợi. Điện thoại: 0123 456 789.</p></div>"""

# 1. Liferay: canonical link, breadcrumb, "Ngày đăng: 11:05 | 03/10/2019", views, image table with a caption, author line, link to the DNN page.
write("tin-tuc/liferay-hoi-nghi.html", f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15 - Cổng thông tin điện tử Tỉnh ủy Mẫu</title>
<link rel="canonical" href="http://tinhuy.example.vn/web/guest/tin-tuc/-/asset_publisher/Ab12/content/hoi-nghi-bch-lan-thu-15">
</head><body>{MENU}
<div class="breadcrumbs"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a> » <a href="/tin-tuc/tin-cu">Tin cũ</a></div>
<div class="portlet-body">
<h1 class="news-title">Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15</h1>
<div class="news-date">Ngày đăng: 11:05 | 03/10/2019 &nbsp; Lượt xem: 1.234</div>
<div class="journal-content-article">
<p>Sáng 3/10, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ 15 để thảo luận, cho ý kiến vào dự thảo các văn kiện trình Đại hội.</p>
<table class="image" align="center"><tr><td><img src="liferay-hoi-nghi_files/hoi-nghi.png" alt=""></td></tr><tr><td>Quang cảnh hội nghị.</td></tr></table>
<p>Hội nghị đã nghe báo cáo tình hình thực hiện nhiệm vụ chính trị 9 tháng đầu năm và xem lại <a href="http://tinhuy.example.vn/Default.aspx?tabid=54&amp;ItemID=987">bài về công tác dân vận</a>.</p>
<p>Các đại biểu thống nhất cao với phương hướng, nhiệm vụ những tháng cuối năm.</p>
<p>Tác giả: Nguyễn Văn An</p>
</div></div>{FOOTER}</body></html>""")
write_bytes("tin-tuc/liferay-hoi-nghi_files/hoi-nghi.png", png(64, 48, (200, 30, 30)))

# 2. The same article saved twice (a copy under another name): one article, the second reported as a duplicate.
write("tin-tuc/ban-sao-hoi-nghi.html", open(os.path.join(root, "tin-tuc/liferay-hoi-nghi.html"), encoding="utf-8").read())

# 3. DotNetNuke in windows-1258 (decomposed tones), "saved from url" comment, "Gửi lúc" with seconds, "Lượt đọc", trailing bold author.
dnn = f"""<!DOCTYPE html>
<!-- saved from url=(0056)http://tinhuy.example.vn/Default.aspx?tabid=54&ItemID=987 -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><title>Công tác dân vận năm 2013</title></head><body>
{MENU}
<div id="dnn_ctr432_ContentPane">
<span class="Head">Công tác dân vận năm 2013</span>
<div class="NewsDate">Gửi lúc: 05/12/2013 15:42:27 | Lượt đọc: 56</div>
<div class="Normal">
<p>Năm 2013, công tác dân vận của các cấp ủy đảng tiếp tục được quan tâm, đổi mới nội dung và phương thức.</p>
<p>Phong trào thi đua “Dân vận khéo” được triển khai sâu rộng ở cơ sở với nhiều mô hình hay.</p>
<p><strong>Trần Thị Bình</strong></p>
</div></div>{FOOTER}</body></html>"""
def cp1258_form(text):
    # windows-1258 has the vowels with circumflex, breve and horn, and the five tones as combining marks.
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        marks = [m for m in parts if m in tones]
        rest = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
        out.append(rest + "".join(marks))
    return "".join(out)

write("dnn/Default_tabid_54_ItemID_987.htm", cp1258_form(dnn), "cp1258")

# 4. SharePoint: og:url, "Cập nhật ngày", "Số lượt xem", category from breadcrumb spans.
write("sharepoint/Pages/kinh-te.aspx", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kinh tế tỉnh tăng trưởng khá</title>
<meta property="og:url" content="http://tinhuy.example.vn/Pages/kinh-te-tang-truong.aspx"></head><body>{MENU}
<div class="ms-breadcrumb"><span>Trang chủ</span><span>Kinh tế</span></div>
<h2 class="ArticleTitle">Kinh tế tỉnh tăng trưởng khá</h2>
<div class="date">Cập nhật ngày 03/10/2019</div><div class="views">Số lượt xem: 12</div>
<div class="ms-rtestate-field"><p>Tăng trưởng kinh tế 9 tháng đạt 7,2%, cao hơn cùng kỳ năm trước.</p><p>Thu ngân sách đạt 80% dự toán năm.</p></div>
{FOOTER}</body></html>""")

# 5. Joomla: weekday date, "Người viết", a figure whose image file is missing.
write("joomla/index.php-option-com_content-id-12.html", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh</title>
<link rel="canonical" href="http://tinhuy.example.vn/index.php?option=com_content&amp;view=article&amp;id=12"></head><body>{MENU}
<div class="item-page"><h2 itemprop="headline">Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh</h2>
<div class="article-info">Thứ năm, 03/10/2019 - 11:05</div>
<div itemprop="articleBody"><p>Các chi bộ sinh hoạt chuyên đề hằng tháng, gắn với nhiệm vụ của từng cơ quan.</p>
<figure><img src="images/khong-co-anh.jpg" alt="Sinh hoạt chi bộ"><figcaption>Sinh hoạt chi bộ kiểu mẫu.</figcaption></figure>
<p>Người viết: Lê Minh Châu</p></div></div>{FOOTER}</body></html>""")

# 6. Custom ASP.NET, truncated in the middle of the body (a page cut off while saving).
write("khac/tin-bi-cat.html", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin bị cắt giữa chừng</title></head><body>{MENU}
<div class="content-detail"><h1>Tin bị cắt giữa chừng</h1><div class="ngay">Ngày đăng: 08:30 | 15/06/2018</div>
<p>Đoạn đầu tiên của bài viết còn nguyên vẹn.</p><p>Đoạn thứ hai bị cắt ngang giữa câu khi""")

# 7. No date anywhere: imported as a draft, reported. Unknown author.
write("khac/khong-co-ngay.html", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Thông báo không có ngày</title></head><body>{MENU}
<div class="news-content"><h1>Thông báo không có ngày</h1><p>Thông báo về việc tổ chức lớp bồi dưỡng lý luận chính trị cho đảng viên mới.</p></div>{FOOTER}</body></html>""")

# 8. Declares iso-8859-1 but was saved as UTF-8 by a later browser.
write("khac/sai-bang-ma.html", f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Đảng bộ xã đạt trong sạch, vững mạnh</title></head><body>{MENU}
<div class="noidung"><h1>Đảng bộ xã đạt trong sạch, vững mạnh</h1><p>Ngày đăng: 09:00 | 01/02/2020</p><p>Đảng bộ xã được công nhận đạt trong sạch, vững mạnh tiêu biểu năm 2019.</p></div>{FOOTER}</body></html>""")

# 9. No content at all: a failure with its reason.
write("khac/trang-trong.html", """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>""")

# Selectors for a portal the heuristics cannot read.
write("../selectors.json", """{ "title": ".tieu-de-rieng", "date": ".ngay-rieng", "body": "#than-bai", "author": ".tac-gia-rieng", "views": ".so-xem", "remove": [".quang-cao-rieng"] }""")
write("../selector-pages/rieng.html", """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Trang</title></head><body>
<div class="tieu-de-rieng">Bài đọc bằng bộ chọn</div><div class="ngay-rieng">20/11/2020 07:15</div><div class="so-xem">Đã xem 3.456 lần</div>
<div id="than-bai"><p>Nội dung đọc bằng bộ chọn riêng.</p><div class="quang-cao-rieng">Quảng cáo</div><p class="tac-gia-rieng">Phạm Quang Dũng</p></div></body></html>""")
