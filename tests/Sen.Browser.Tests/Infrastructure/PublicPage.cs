namespace Sen.Browser.Tests.Infrastructure;

/// <summary>One type of public page, by a URL that shows it and the status it answers with.</summary>
public sealed record PublicPage(string Name, string Path, HttpStatusCode Status)
{
    public const string SeedArticlePath = "/cong-tac-dan-van/que-son-hoi-nghi-tong-ket-10-nam-thuc-hien-ket-luan-so-62-kl-tw-cua-bo-chinh-tri-1.html";

    public const string SearchPath = "/tim-kiem?q=%C4%91%E1%BA%A1i%20h%E1%BB%99i";

    /// <summary>The page types that always exist; the search page joins when the server has one (see <see cref="SenSite.PublicPagesAsync"/>).</summary>
    public static readonly IReadOnlyList<PublicPage> Fixed =
    [
        new("home", "/", HttpStatusCode.OK),
        new("category", "/tin-tuc-su-kien", HttpStatusCode.OK),
        new("category-page-2", "/tin-tuc-su-kien?trang=2", HttpStatusCode.OK),
        new("article", SeedArticlePath, HttpStatusCode.OK),
        new("not-found", "/khong-co-trang-nay", HttpStatusCode.NotFound),
        new("bad-request", "/tin-tuc-su-kien?trang=abc", HttpStatusCode.BadRequest),
    ];

    public static PublicPage Search { get; } = new("search", SearchPath, HttpStatusCode.OK);
}
