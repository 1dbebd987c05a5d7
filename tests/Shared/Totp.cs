using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Sen.Testing;

/// <summary>RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes them from the key.</summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 (and every authenticator app) uses HMAC-SHA1; collisions do not matter for an HMAC.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is valid at no time near <paramref name="at"/> (Identity accepts two steps either side).</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var near = Enumerable.Range(-3, 7).Select(step => Code(base32Key, at.AddSeconds(step * 30))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static byte[] FromBase32(string text)
    {
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
