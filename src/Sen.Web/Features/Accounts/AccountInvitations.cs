using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>Issues and finds one-time account links (<see cref="AccountInvitation"/>).</summary>
public sealed class AccountInvitations(SenDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public const string SetupPath = "/admin/thiet-lap/";
    public const string InvitationPath = "/admin/loi-moi/";

    /// <summary>Adds an invitation to the context (the caller saves) and returns its token, which is stored nowhere.</summary>
    public string Add(string? email, string role, int? createdById)
    {
        var token = InvitationTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        db.AccountInvitations.Add(new AccountInvitation
        {
            TokenHash = InvitationTokens.Hash(token),
            Email = email,
            Role = role,
            CreatedAt = now,
            ExpiresAt = email is null ? null : now + AccountInvitation.Lifetime,
            CreatedById = createdById,
        });
        return token;
    }

    /// <summary>The invitation of <paramref name="token"/> if it can still be used (tracked, to be marked used); otherwise null.</summary>
    public async Task<AccountInvitation?> FindUsableAsync(string? token, bool setup, CancellationToken cancellationToken)
    {
        if (!InvitationTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = InvitationTokens.Hash(token!);
        var invitation = await db.AccountInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        return invitation is { UsedAt: null } && invitation.IsSetup == setup && (invitation.ExpiresAt is null || invitation.ExpiresAt > now)
            ? invitation
            : null;
    }

    /// <summary>The link to give out: the first configured http(s) address when there is one, else the path alone.</summary>
    public string LinkFor(string path, string token) => BaseAddress() + path + token;

    private string BaseAddress()
    {
        var first = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return "";
        }

        // Wildcard hosts (http://*:8080, http://+:80, http://0.0.0.0:80) are not addresses a browser can open.
        foreach (var wildcard in (string[])["://*", "://+", "://0.0.0.0", "://[::]"])
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return Uri.TryCreate(first, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetLeftPart(UriPartial.Authority)
            : "";
    }
}
