using System.Globalization;
using System.Text;
using QRCoder;

namespace Sen.Web.Features.Accounts;

/// <summary>What an authenticator app needs: the key in readable groups, the otpauth:// address and its QR code as inline SVG.</summary>
public static class AuthenticatorCode
{
    /// <summary>The key in groups of four, lower case, as people read it aloud ("abcd efgh ...").</summary>
    public static string Grouped(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

#pragma warning disable CA1308 // Shown to people, not compared: lower case is easier to read and type.
        return grouped.ToString().ToLowerInvariant();
#pragma warning restore CA1308
    }

    /// <summary>The Key Uri Format address apps scan: issuer (the site's name) and account (the e-mail) label the entry.</summary>
    public static string Uri(string issuer, string account, string key)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(account);
        return string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6");
    }

    /// <summary>
    /// The QR code of <paramref name="text"/> as an &lt;svg&gt; element with one path, drawn from the module
    /// matrix (no inline style, so the newsroom's CSP holds), labelled for screen readers.
    /// </summary>
    public static string Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                {
                    continue;
                }

                var run = 1;
                while (x + run < size && row[x + run])
                {
                    run++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v1h-{run}z");
                x += run - 1;
            }
        }

        var escaped = System.Net.WebUtility.HtmlEncode(label);
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"qr-code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{escaped}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>");
    }
}
