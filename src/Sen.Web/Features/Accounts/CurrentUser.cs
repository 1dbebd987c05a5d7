using System.Globalization;
using System.Security.Claims;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Who is acting in this scope: the signed-in user of the request, or the operator at the command line
/// (<see cref="ActAs"/>). Scoped, so the audit log and the workflow never guess from a singleton.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private Actor? assigned;

    /// <summary>The actor of this scope; <see cref="Actor.Anonymous"/> when nobody is signed in.</summary>
    public Actor Actor => assigned ?? FromPrincipal(http.HttpContext);

    /// <summary>For scopes without a request (command line, background jobs): acts as <paramref name="actor"/>.</summary>
    public void ActAs(Actor actor) => assigned = actor ?? throw new ArgumentNullException(nameof(actor));

    private static Actor FromPrincipal(HttpContext? context)
    {
        var user = context?.User;
        var ip = context?.Connection.RemoteIpAddress?.ToString();
        if (user?.Identity?.IsAuthenticated != true
            || !int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Actor.Anonymous with { IpAddress = ip };
        }

        var roles = SenRoles.All.Where(user.IsInRole).ToArray();
        return new Actor(id, user.Identity.Name ?? "", roles, ip);
    }
}

/// <summary>A user acting in the newsroom (or the system, with no id).</summary>
public sealed record Actor(int? UserId, string Name, IReadOnlyList<string> Roles, string? IpAddress = null)
{
    public static readonly Actor Anonymous = new(null, "", []);

    /// <summary>The operator at the command line or a background job: not a user, named in the audit log.</summary>
    public static Actor System(string name) => new(null, name, [SenRoles.Admin]);

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
