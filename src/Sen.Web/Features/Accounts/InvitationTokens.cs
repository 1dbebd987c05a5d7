using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Sen.Web.Features.Accounts;

/// <summary>The secret of an invitation or setup link: 32 random bytes in base64url; only its hash is stored.</summary>
public static class InvitationTokens
{
    private const int Bytes = 32;

    /// <summary>The length of a token's text (43 base64url characters).</summary>
    public static readonly int Length = Base64Url.GetEncodedLength(Bytes);

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The stored form of <paramref name="token"/>: lower-case hex of its SHA-256.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>False for anything that cannot be a token, so junk never reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is not null && token.Length == Length && Base64Url.IsValid(token);
}
