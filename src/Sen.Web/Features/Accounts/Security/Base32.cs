namespace Sen.Web.Features.Accounts;

/// <summary>RFC 4648 base32, the alphabet authenticator keys are written in (spaces and padding ignored, any case).</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] FromBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>(text.Length * 5 / 8);
        foreach (var c in text)
        {
            if (c is ' ' or '=')
            {
                continue;
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not a base32 character: " + c);
            }

            buffer = (buffer << 5) | value;
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
