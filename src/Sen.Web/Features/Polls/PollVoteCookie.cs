using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Sen.Web.Features.Polls;

/// <summary>
/// Remembers, in the reader's browser, which polls they voted in: a cookie signed and encrypted with
/// Data Protection, so it cannot be forged or edited to vote again. A reader who deletes it can vote
/// again; the per-address rate limit (<see cref="PollRateLimits"/>) bounds how often.
/// </summary>
public sealed class PollVoteCookie(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Name = "sen-tham-do";

    /// <summary>The polls remembered at most; the oldest are forgotten first.</summary>
    public const int MaxPolls = 100;

    private readonly IDataProtector protector = protection.CreateProtector("Sen.Polls.VoteCookie.v1");

    /// <summary>The ids of the polls this reader voted in; empty when the cookie is missing or not ours.</summary>
    public IReadOnlyList<int> Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 4000)
        {
            return [];
        }

        string plain;
        try
        {
            plain = protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return [];
        }

        var ids = new List<int>();
        foreach (var part in plain.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public bool HasVoted(HttpRequest request, int pollId) => Read(request).Contains(pollId);

    /// <summary>
    /// Adds <paramref name="pollId"/> to the reader's cookie (a year long). For the whole site, as the vote arrives at
    /// /tham-do/{id}/binh-chon and at /api/v1/polls/{id}/votes; cached pages never vary by it.
    /// </summary>
    public void Remember(HttpContext context, int pollId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ids = Read(context.Request).Where(id => id != pollId).Append(pollId).TakeLast(MaxPolls);
        var value = protector.Protect(string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))));
        context.Response.Cookies.Append(Name, value, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Expires = clock.GetUtcNow().AddYears(1),
        });
    }
}
