using Microsoft.Extensions.Primitives;

namespace Sen.Web.Infrastructure.Http;

public static class SecurityHeaders
{
    // Everything Sen serves comes from its own origin, so the policy can be strict: no inline
    // script or style, no framing, forms post only back to Sen.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // The newsroom is as strict (no inline script or style), but its editor shows images the user
    // has just picked or pasted (blob: and data: URLs) before they are uploaded. No other origin's images.
    private const string AdminContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // Built once: every response carries them.
    private static readonly StringValues Csp = ContentSecurityPolicy;
    private static readonly StringValues AdminCsp = AdminContentSecurityPolicy;
    private static readonly StringValues NoStore = "no-store";
    private static readonly StringValues NoIndex = "noindex, nofollow";
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues Deny = "DENY";
    private static readonly StringValues ReferrerPolicy = "strict-origin-when-cross-origin";
    // Not interest-cohort: FLoC is gone, and Chromium reports the unknown feature as an error on every page.
    private static readonly StringValues PermissionsPolicy = "camera=(), microphone=(), geolocation=()";
    private static readonly StringValues SameOrigin = "same-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            if (IsNewsroom(context.Request.Path))
            {
                // Pages of a signed-in user: no shared or browser cache may keep them, no search engine index them.
                headers.ContentSecurityPolicy = AdminCsp;
                headers.CacheControl = NoStore;
                headers["X-Robots-Tag"] = NoIndex;
            }
            else
            {
                headers.ContentSecurityPolicy = Csp;
            }

            headers.XContentTypeOptions = NoSniff;
            headers.XFrameOptions = Deny;
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = SameOrigin;
            return next(context);
        });

    /// <summary>True for /admin and everything under it.</summary>
    public static bool IsNewsroom(PathString path) => path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);
}
