#!/usr/bin/env python3
"""Writes COUNT saved portal pages (several portal styles, Vietnamese text, a date line, views, author, a breadcrumb,
links to other pages) under FOLDER, for bench/import.sh. Usage: import-pages.py FOLDER COUNT"""
import os, random, sys

folder, count = sys.argv[1], int(sys.argv[2])
random.seed(14)
words = ("Đảng bộ tỉnh tổ chức hội nghị quán triệt nghị quyết Trung ương về công tác xây dựng chỉnh đốn Đảng "
         "hệ thống chính trị trong sạch vững mạnh phát triển kinh tế xã hội bảo đảm quốc phòng an ninh nhân dân "
         "cán bộ đảng viên thi đua yêu nước dân vận khéo chuyển đổi số nông thôn mới giảm nghèo bền vững").split()
categories = [["Tin tức", "Tin cũ"], ["Kinh tế"], ["Xây dựng Đảng", "Công tác dân vận"], ["Văn hóa - Xã hội"]]

def sentence(n):
    return " ".join(random.choice(words) for _ in range(n)).capitalize() + "."

for i in range(1, count + 1):
    sub = os.path.join(folder, f"{i // 1000:03d}")
    if i == 1 or i % 1000 == 0:
        os.makedirs(sub, exist_ok=True)
    crumbs = categories[i % len(categories)]
    day, month, year = 1 + i % 28, 1 + i % 12, 2005 + i % 20
    title = f"{sentence(9)[:-1]} (số {i})"
    paragraphs = "".join(f"<p>{sentence(random.randint(25, 45))}</p>" for _ in range(5))
    link = f'<p>Xem thêm <a href="http://portal.example.vn/Default.aspx?tabid=54&amp;ItemID={max(1, i - 1)}">bài trước</a>.</p>'
    html = f"""<!DOCTYPE html>
<!-- saved from url=(0060)http://portal.example.vn/Default.aspx?tabid=54&ItemID={i} -->
<html><head><meta charset="utf-8"><title>{title} - Cổng thông tin điện tử</title></head><body>
<div id="header"><div class="logo"><h1>Cổng thông tin điện tử Tỉnh ủy</h1></div><div class="top-date">Thứ hai, 02/12/2026</div></div>
<ul class="mainmenu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul>
<div class="breadcrumb"><a href="/">Trang chủ</a> » {' » '.join(f'<a href="#">{c}</a>' for c in crumbs)}</div>
<div id="dnn_ctr432_ContentPane"><h2 class="news-title">{title}</h2>
<div class="NewsDate">Ngày đăng: {i % 24:02d}:{i % 60:02d} | {day:02d}/{month:02d}/{year} | Lượt xem: {i * 7 % 100000:,}</div>
<div class="Normal">{paragraphs}{link}<p><strong>Phóng viên {i % 50}</strong></p></div></div>
<div class="share-bar"><a href="#">Chia sẻ</a></div><div id="footer"><p>Bản quyền thuộc Tỉnh ủy.</p></div></body></html>"""
    with open(os.path.join(sub, f"tin-{i}.html"), "w", encoding="utf-8") as f:
        f.write(html)
