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
public sealed record EndpointRow(string Method, string Route, string? Handler, Access Access, string? Url = null)
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
        new("GET", "api/v1/search/suggest", null, Access.Anonymous),
        new("GET", "loi", null, Access.Anonymous),
        new("GET", "loi/he-thong", null, Access.Anonymous),
        new("*", "healthz", null, Access.Anonymous),

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

        // The newsroom.
        new("GET", "admin", null, Access.Newsroom),
        new("GET", "admin/dang-xuat", null, Access.Newsroom),
        new("POST", "admin/dang-xuat", null, Access.Newsroom),
        new("POST", "admin/api/media", null, Access.Newsroom),

        // Accounts.
        new("GET", "admin/nguoi-dung", null, Access.Admin),
        new("POST", "admin/nguoi-dung", "Invite", Access.Admin),
        new("POST", "admin/nguoi-dung", "Role", Access.Admin, "/admin/nguoi-dung?handler=Role&id={user}"),
        new("POST", "admin/nguoi-dung", "Disable", Access.Admin, "/admin/nguoi-dung?handler=Disable&id={user}"),
        new("POST", "admin/nguoi-dung", "Enable", Access.Admin, "/admin/nguoi-dung?handler=Enable&id={user}"),
        new("POST", "admin/nguoi-dung", "SignOut", Access.Admin, "/admin/nguoi-dung?handler=SignOut&id={user}"),
        new("POST", "admin/nguoi-dung", "Reset", Access.Admin, "/admin/nguoi-dung?handler=Reset&id={user}"),
    ];
}
