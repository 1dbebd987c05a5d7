namespace Sen.IntegrationTests.Security;

/// <summary>Who may call an endpoint.</summary>
public enum Access
{
    /// <summary>Everyone, signed in or not (public pages, signing in, the one-time links).</summary>
    Anonymous,

    /// <summary>Any newsroom role: writer, approver, administrator.</summary>
    Newsroom,

    /// <summary>Approvers and administrators (a writer is refused with 403).</summary>
    Approver,

    /// <summary>Administrators only.</summary>
    Admin,
}

/// <summary>
/// One endpoint: its method, route and Razor Pages handler, who may call it, and a URL to call it with
/// ({article}, {user} and {token} are replaced by the test's own rows).
/// </summary>
/// <remarks>
/// <paramref name="JsonOnly"/>: a state-changing API endpoint that takes only a JSON body instead of an antiforgery
/// token (browsers send no cross-site JSON POST without a CORS preflight); a form post without a token is 415 there.
/// </remarks>
public sealed record EndpointRow(string Method, string Route, string? Handler, Access Access, string? Url = null, bool JsonOnly = false)
{
    public string Key => EndpointInventory.Key(Method, Route, Handler);

    public bool ChangesState => Method is not ("GET" or "HEAD");

    public string SampleUrl => Url ?? "/" + Route + (Handler is null ? "" : $"?handler={Handler}");
}

/// <summary>The matrix. Add a row for every new endpoint; the matrix test fails until you do.</summary>
public static class EndpointMatrix
{
    public static readonly IReadOnlyList<EndpointRow> Rows =
    [
        // Readers.
        new("GET", "", null, Access.Anonymous),
        new("GET", "{categorySlug}", null, Access.Anonymous),
        new("GET", "{categorySlug}/{articleSegment}", null, Access.Anonymous),
        new("GET", "tim-kiem", null, Access.Anonymous),
        new("GET", "van-ban", null, Access.Anonymous),
        new("GET", "van-ban/{slugOrId}", null, Access.Anonymous, "/van-ban/ket-luan-62-kl-tw"),
        new("GET", "van-ban/tep/{id:int}/{name}", null, Access.Anonymous, "/van-ban/tep/1/ket-luan-so-62-kl-tw.pdf"),
        new("GET", "api/v1/search/suggest", null, Access.Anonymous),

        // Feeds, sitemaps and robots.txt (docs/SEO.md).
        new("GET", "rss.xml", null, Access.Anonymous),
        new("GET", "rss/{categorySlug}.xml", null, Access.Anonymous, "/rss/cong-tac-dan-van.xml"),
        new("GET", "sitemap.xml", null, Access.Anonymous),
        new("GET", "sitemap-pages.xml", null, Access.Anonymous),
        new("GET", "sitemap-articles-{part:int}.xml", null, Access.Anonymous, "/sitemap-articles-1.xml"),
        new("GET", "sitemap-news.xml", null, Access.Anonymous),
        new("GET", "robots.txt", null, Access.Anonymous),

        // The public API (docs/API.md), its OpenAPI document and reference page; anything else under /api is a 404 problem.
        new("GET", "api/v1/articles", null, Access.Anonymous),
        new("GET", "api/v1/articles/{id}", null, Access.Anonymous, "/api/v1/articles/{article}"),
        new("GET", "api/v1/categories", null, Access.Anonymous),
        new("GET", "api/v1/search", null, Access.Anonymous, "/api/v1/search?q=que+son"),
        new("GET", "api/v1/documents", null, Access.Anonymous),
        new("GET", "api/v1/documents/{slugOrId}", null, Access.Anonymous, "/api/v1/documents/ket-luan-62-kl-tw"),
        new("GET", "api/v1/polls", null, Access.Anonymous),
        new("GET", "api/v1/polls/{pollId}", null, Access.Anonymous, "/api/v1/polls/1"),
        new("POST", "api/v1/polls/{pollId}/votes", null, Access.Anonymous, "/api/v1/polls/1/votes", JsonOnly: true),
        new("GET", "openapi/{documentName}.json", null, Access.Anonymous, "/openapi/v1.json"),
        new("*", "api/{**rest}", null, Access.Anonymous, "/api/v1/khong-co"),
        new("GET", "tai-lieu-api", null, Access.Anonymous),
        new("GET", "loi", null, Access.Anonymous),
        new("GET", "loi/he-thong", null, Access.Anonymous),
        new("*", "healthz", null, Access.Anonymous),

        // Operations: /readyz is public (load balancers); /metrics is not behind sign-in but limited to
        // Operations:MetricsAllowedNetworks (loopback by default; OperationsEndpointsTests).
        new("*", "readyz", null, Access.Anonymous),
        new("*", "metrics", null, Access.Anonymous),

        // wwwroot files that appeared after the build (MapStaticAssets' fallback): read-only.
        new("GET", "{**path:file}", null, Access.Anonymous),
        new("HEAD", "{**path:file}", null, Access.Anonymous),

        // Signing in and the one-time links.
        new("GET", "admin/dang-nhap", null, Access.Anonymous),
        new("POST", "admin/dang-nhap", null, Access.Anonymous),
        new("GET", "admin/khong-du-quyen", null, Access.Anonymous),
        new("GET", "admin/thiet-lap/{token}", null, Access.Anonymous),
        new("POST", "admin/thiet-lap/{token}", null, Access.Anonymous, "/admin/thiet-lap/{token}"),
        new("GET", "admin/loi-moi/{token}", null, Access.Anonymous),
        new("POST", "admin/loi-moi/{token}", null, Access.Anonymous, "/admin/loi-moi/{token}"),
        new("POST", "admin/dang-nhap", "PasskeyOptions", Access.Anonymous),
        new("POST", "admin/dang-nhap", "Passkey", Access.Anonymous),
        new("GET", "admin/dang-nhap/hai-buoc", null, Access.Anonymous),
        new("POST", "admin/dang-nhap/hai-buoc", null, Access.Anonymous),
        new("POST", "admin/dang-nhap/hai-buoc", "Recovery", Access.Anonymous),

        // The newsroom.
        new("GET", "admin", null, Access.Newsroom),
        new("GET", "admin/dang-xuat", null, Access.Newsroom),
        new("POST", "admin/dang-xuat", null, Access.Newsroom),
        new("GET", "admin/api/media", null, Access.Newsroom),
        new("POST", "admin/api/media", null, Access.Newsroom),
        new("GET", "admin/thong-bao", null, Access.Newsroom),
        new("POST", "admin/thong-bao", "Read", Access.Newsroom, "/admin/thong-bao?handler=Read&id=1"),
        new("POST", "admin/thong-bao", "ReadAll", Access.Newsroom),

        // My account: every newsroom user, for their own account only.
        new("GET", "admin/tai-khoan", null, Access.Newsroom),
        new("POST", "admin/tai-khoan", "Name", Access.Newsroom),
        new("POST", "admin/tai-khoan", "Password", Access.Newsroom),
        new("POST", "admin/tai-khoan", "PasskeyOptions", Access.Newsroom),
        new("POST", "admin/tai-khoan", "AddPasskey", Access.Newsroom),
        new("POST", "admin/tai-khoan", "RemovePasskey", Access.Newsroom),
        new("GET", "admin/tai-khoan/xac-thuc-hai-buoc", null, Access.Newsroom),
        new("POST", "admin/tai-khoan/xac-thuc-hai-buoc", "Enable", Access.Newsroom),
        new("POST", "admin/tai-khoan/xac-thuc-hai-buoc", "Disable", Access.Newsroom),
        new("POST", "admin/tai-khoan/xac-thuc-hai-buoc", "RecoveryCodes", Access.Newsroom),

        // Articles: writers on their own (the workflow table decides per article), approvers on every one.
        new("GET", "admin/bai-viet", null, Access.Newsroom),
        new("GET", "admin/bai-viet/moi", null, Access.Newsroom),
        new("POST", "admin/bai-viet/moi", null, Access.Newsroom),
        new("GET", "admin/bai-viet/{id:int}", null, Access.Newsroom, "/admin/bai-viet/{article}"),
        new("POST", "admin/bai-viet/{id:int}", null, Access.Newsroom, "/admin/bai-viet/{article}"),
        new("POST", "admin/bai-viet/{id:int}", "Submit", Access.Newsroom, "/admin/bai-viet/{article}?handler=Submit"),
        new("POST", "admin/bai-viet/{id:int}", "Delete", Access.Newsroom, "/admin/bai-viet/{article}?handler=Delete"),
        new("POST", "admin/bai-viet/{id:int}", "Return", Access.Approver, "/admin/bai-viet/{article}?handler=Return"),
        new("POST", "admin/bai-viet/{id:int}", "Publish", Access.Approver, "/admin/bai-viet/{article}?handler=Publish"),
        new("POST", "admin/bai-viet/{id:int}", "Unpublish", Access.Approver, "/admin/bai-viet/{article}?handler=Unpublish"),
        new("GET", "admin/bai-viet/{id:int}/xem-truoc", null, Access.Newsroom, "/admin/bai-viet/{article}/xem-truoc"),
        new("GET", "admin/bai-viet/{id:int}/phien-ban", null, Access.Newsroom, "/admin/bai-viet/{article}/phien-ban"),
        new("POST", "admin/bai-viet/{id:int}/phien-ban", "Restore", Access.Newsroom, "/admin/bai-viet/{article}/phien-ban?handler=Restore"),
        new("GET", "admin/bai-viet/{id:int}/phien-ban/{number:int}", null, Access.Newsroom, "/admin/bai-viet/{article}/phien-ban/1"),
        new("GET", "admin/bai-viet/{id:int}/phien-ban/so-sanh", null, Access.Newsroom, "/admin/bai-viet/{article}/phien-ban/so-sanh?tu=1&den=1"),
        // Documents: the articles' workflow rules (writers on their own drafts, approvers publish and return).
        new("GET", "admin/van-ban", null, Access.Newsroom),
        new("GET", "admin/van-ban/moi", null, Access.Newsroom),
        new("POST", "admin/van-ban/moi", null, Access.Newsroom),
        new("GET", "admin/van-ban/{id:int}", null, Access.Newsroom, "/admin/van-ban/1"),
        new("POST", "admin/van-ban/{id:int}", null, Access.Newsroom, "/admin/van-ban/1"),
        new("POST", "admin/van-ban/{id:int}", "Submit", Access.Newsroom, "/admin/van-ban/1?handler=Submit"),
        new("POST", "admin/van-ban/{id:int}", "Attach", Access.Newsroom, "/admin/van-ban/1?handler=Attach"),
        new("POST", "admin/van-ban/{id:int}", "RemoveFile", Access.Newsroom, "/admin/van-ban/1?handler=RemoveFile&attachmentId=1"),
        new("POST", "admin/van-ban/{id:int}", "Return", Access.Approver, "/admin/van-ban/1?handler=Return"),
        new("POST", "admin/van-ban/{id:int}", "Publish", Access.Approver, "/admin/van-ban/1?handler=Publish"),
        new("POST", "admin/van-ban/{id:int}", "Unpublish", Access.Approver, "/admin/van-ban/1?handler=Unpublish"),
        new("GET", "admin/thung-rac", null, Access.Admin),
        new("POST", "admin/thung-rac", "Restore", Access.Admin, "/admin/thung-rac?handler=Restore&id={article}"),
        new("POST", "admin/thung-rac", "Confirm", Access.Admin),
        new("POST", "admin/thung-rac", "Empty", Access.Admin),

        // The site: categories, links, settings, the audit log.
        new("GET", "admin/chuyen-muc", null, Access.Admin),
        new("POST", "admin/chuyen-muc", "Create", Access.Admin),
        new("POST", "admin/chuyen-muc", "Move", Access.Admin),
        new("GET", "admin/chuyen-muc/{id:int}", null, Access.Admin, "/admin/chuyen-muc/1"),
        new("POST", "admin/chuyen-muc/{id:int}", null, Access.Admin, "/admin/chuyen-muc/1"),
        new("POST", "admin/chuyen-muc/{id:int}", "Delete", Access.Admin, "/admin/chuyen-muc/1?handler=Delete"),
        new("GET", "admin/lien-ket", null, Access.Admin),
        new("POST", "admin/lien-ket", "Create", Access.Admin),
        new("POST", "admin/lien-ket", "Move", Access.Admin),
        new("GET", "admin/lien-ket/{id:int}", null, Access.Admin, "/admin/lien-ket/1"),
        new("POST", "admin/lien-ket/{id:int}", null, Access.Admin, "/admin/lien-ket/1"),
        new("POST", "admin/lien-ket/{id:int}", "Delete", Access.Admin, "/admin/lien-ket/1?handler=Delete"),
        new("GET", "admin/chuyen-huong", null, Access.Approver),
        new("POST", "admin/chuyen-huong", "Create", Access.Approver),
        new("POST", "admin/chuyen-huong", "Delete", Access.Approver, "/admin/chuyen-huong?handler=Delete&id=1"),
        new("GET", "admin/cai-dat", null, Access.Admin),
        new("POST", "admin/cai-dat", null, Access.Admin),
        new("GET", "admin/nhat-ky", null, Access.Admin),
        new("GET", "admin/nhat-ky/xuat.csv", null, Access.Admin),

        // Accounts.
        new("GET", "admin/nguoi-dung", null, Access.Admin),
        new("POST", "admin/nguoi-dung", "Invite", Access.Admin),
        new("POST", "admin/nguoi-dung", "Role", Access.Admin, "/admin/nguoi-dung?handler=Role&id={user}"),
        new("POST", "admin/nguoi-dung", "Disable", Access.Admin, "/admin/nguoi-dung?handler=Disable&id={user}"),
        new("POST", "admin/nguoi-dung", "Enable", Access.Admin, "/admin/nguoi-dung?handler=Enable&id={user}"),
        new("POST", "admin/nguoi-dung", "SignOut", Access.Admin, "/admin/nguoi-dung?handler=SignOut&id={user}"),
        new("POST", "admin/nguoi-dung", "Reset", Access.Admin, "/admin/nguoi-dung?handler=Reset&id={user}"),

        // Polls: readers see and vote (the vote checks its antiforgery token itself); approvers manage them.
        new("GET", "tham-do", null, Access.Anonymous),
        new("GET", "tham-do/{id:int}", null, Access.Anonymous, "/tham-do/1"),
        new("GET", "tham-do/{id:int}/binh-chon", null, Access.Anonymous, "/tham-do/1/binh-chon"),
        new("GET", "tham-do/{id:int}/binh-chon", "Token", Access.Anonymous, "/tham-do/1/binh-chon?handler=Token"),
        new("POST", "tham-do/{id:int}/binh-chon", null, Access.Anonymous, "/tham-do/1/binh-chon"),
        new("GET", "admin/tham-do", null, Access.Approver),
        new("POST", "admin/tham-do", "Create", Access.Approver),
        new("GET", "admin/tham-do/{id:int}", null, Access.Approver, "/admin/tham-do/1"),
        new("POST", "admin/tham-do/{id:int}", null, Access.Approver, "/admin/tham-do/1"),
        new("POST", "admin/tham-do/{id:int}", "Open", Access.Approver, "/admin/tham-do/1?handler=Open"),
        new("POST", "admin/tham-do/{id:int}", "Close", Access.Approver, "/admin/tham-do/1?handler=Close"),
        new("GET", "admin/tham-do/{id:int}", "Csv", Access.Approver, "/admin/tham-do/1?handler=Csv"),
    ];
}
