namespace Sen.Browser.Tests.Infrastructure;

/// <summary>One type of public page, by a URL that shows it and the status it answers with.</summary>
public sealed record PublicPage(string Name, string Path, HttpStatusCode Status)
{
    public const string SeedArticlePath = "/cong-tac-dan-van/que-son-hoi-nghi-tong-ket-10-nam-thuc-hien-ket-luan-so-62-kl-tw-cua-bo-chinh-tri-1.html";

    /// <summary>The article `sen import pages` made of a saved Liferay page (ExtraArticles checks this is where it landed).</summary>
    public const string ImportedArticlePath = "/tin-cu/hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-15-44.html";

    /// <summary>Its address on the old portal, which answers 301 with the new one.</summary>
    public const string ImportedArticleOldPath = "/web/guest/tin-tuc/-/asset_publisher/Ab12/content/hoi-nghi-bch-lan-thu-15";

    public const string SearchPath = "/tim-kiem?q=%C4%91%E1%BA%A1i%20h%E1%BB%99i";

    /// <summary>
    /// Every public page type. A page that answers with another status fails the suites that visit it;
    /// none is ever left out, so a broken page cannot pass by disappearing.
    /// </summary>
    public static readonly IReadOnlyList<PublicPage> All =
    [
        new("home", "/", HttpStatusCode.OK),
        new("category", "/tin-tuc-su-kien", HttpStatusCode.OK),
        new("category-page-2", "/tin-tuc-su-kien?trang=2", HttpStatusCode.OK),
        new("article", SeedArticlePath, HttpStatusCode.OK),
        new("search", SearchPath, HttpStatusCode.OK),
        new("not-found", "/khong-co-trang-nay", HttpStatusCode.NotFound),
        new("bad-request", "/tin-tuc-su-kien?trang=abc", HttpStatusCode.BadRequest),
        new("polls", "/tham-do", HttpStatusCode.OK),
        new("poll-results", "/tham-do/1", HttpStatusCode.OK),
        new("poll-vote", "/tham-do/1/binh-chon", HttpStatusCode.OK),
        new("api-reference", "/tai-lieu-api", HttpStatusCode.OK),
        new("document-list", "/van-ban?khoa=x", HttpStatusCode.OK),
        new("document", "/van-ban/ket-luan-62-kl-tw", HttpStatusCode.OK),
        new("imported-article", ImportedArticlePath, HttpStatusCode.OK),
    ];

    /// <summary>Each page type by name, one test case each.</summary>
    public static TheoryData<string> Names => [.. All.Select(p => p.Name)];

    /// <summary>Each page type at each viewport, one test case each.</summary>
    public static TheoryData<string, string> NamesAtEachViewport =>
        [.. All.SelectMany(p => new[] { Viewports.Desktop, Viewports.Phone }.Select(v => (p.Name, v)))];

    public static PublicPage Named(string name) => All.Single(p => p.Name == name);
}
