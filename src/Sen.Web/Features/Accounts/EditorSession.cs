using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// The one definition of "this request carries a sign-in": it has the authentication cookie, by the
/// name the cookie is configured with. Browsers send that cookie only under /admin (its path), so
/// readers' requests and an editor's visits to public pages never carry it.
/// </summary>
public sealed class EditorSession(IOptionsMonitor<CookieAuthenticationOptions> cookies) : IEditorSession
{
    private string? cookieName;

    /// <summary>The configured name of the sign-in cookie (chunks of a large cookie add suffixes to it).</summary>
    public string CookieName => cookieName ??= cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? SenIdentityOptions.CookieName;

    public bool CarriesSignIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = CookieName;
        foreach (var header in request.Headers.Cookie)
        {
            if (header is not null && HasCookie(header, name))
            {
                return true;
            }
        }

        return false;
    }

    // A Cookie header is "a=1; b=2": the name counts only at the start of a pair and followed by '='.
    private static bool HasCookie(string header, string name)
    {
        var from = 0;
        while (from < header.Length)
        {
            var at = header.IndexOf(name, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            var end = at + name.Length;
            var startsPair = at == 0 || header[at - 1] is ' ' or ';';
            if (startsPair && end < header.Length && header[end] == '=')
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
