<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kinh tế tỉnh tăng trưởng khá</title>
<meta property="og:url" content="http://tinhuy.example.vn/Pages/kinh-te-tang-truong.aspx"></head><body><div id="header"><div class="logo"><h1>Cổng thông tin điện tử Tỉnh ủy Mẫu</h1></div>
<div class="top-date">Thứ hai, 02/12/2026</div></div>
<ul class="mainmenu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li></ul>
<div class="banner"><img src="banner.gif" alt="Chào mừng Đại hội"></div>
<div class="ms-breadcrumb"><span>Trang chủ</span><span>Kinh tế</span></div>
<h2 class="ArticleTitle">Kinh tế tỉnh tăng trưởng khá</h2>
<div class="date">Cập nhật ngày 03/10/2019</div><div class="views">Số lượt xem: 12</div>
<div class="ms-rtestate-field"><p>Tăng trưởng kinh tế 9 tháng đạt 7,2%, cao hơn cùng kỳ năm trước.</p><p>Thu ngân sách đạt 80% dự toán năm.</p></div>
<div class="share-bar"><a href="https://facebook.com/share">Chia sẻ Facebook</a> <a href="#">In bài</a></div>
<div id="footer"><p>Bản quyền thuộc Tỉnh ủy Mẫu. Địa chỉ: số 1 đường Lê Lợi. Điện thoại: 0123 456 789.</p></div></body></html>