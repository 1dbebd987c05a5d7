namespace Sen.Web.Features.Documents;

/// <summary>Loại văn bản. The numbers are stored; <see cref="DocumentVocabulary"/> has their URL keys and labels.</summary>
public enum DocumentKind
{
    NghiQuyet = 1,
    ChiThi = 2,
    KetLuan = 3,
    QuyDinh = 4,
    QuyetDinh = 5,
    HuongDan = 6,
    ThongBao = 7,
    KeHoach = 8,
    CongVan = 9,
    Khac = 99,
}

/// <summary>Cơ quan ban hành.</summary>
public enum IssuingBody
{
    BanChapHanhTrungUong = 1,
    BoChinhTri = 2,
    BanBiThu = 3,
    TinhUy = 4,
    BanThuongVuTinhUy = 5,
    QuocHoi = 6,
    ChinhPhu = 7,
    Khac = 99,
}
