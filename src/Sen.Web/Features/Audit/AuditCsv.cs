using System.Globalization;
using System.Text;
using Sen.Web.Text;

namespace Sen.Web.Features.Audit;

/// <summary>
/// The audit log as CSV (RFC 4180) for Excel: UTF-8 with a byte order mark, so Excel reads Vietnamese
/// correctly; CRLF line ends; cells quoted when they must be; and cells a spreadsheet would run as a
/// formula (starting with = + - @, a tab or a carriage return) made plain text with a leading apostrophe.
/// </summary>
public static class AuditCsv
{
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly char[] MustQuote = ['"', ',', '\r', '\n'];

    /// <summary>One line: the cells escaped, joined by commas, ended by CRLF.</summary>
    public static string Line(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return string.Join(',', cells.Select(Cell)) + "\r\n";
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny(MustQuote) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The strings.tsv keys of the header's cells.</summary>
    public static readonly IReadOnlyList<string> HeaderKeys =
    [
        "Audit.Column.At", "Audit.Column.User", "Audit.Column.UserId", "Audit.Column.IpAddress", "Audit.Column.Action",
        "Audit.Column.ActionKey", "Audit.Column.EntityType", "Audit.Column.EntityId", "Audit.Column.Summary", "Audit.Column.Changes",
    ];

    /// <summary>The row of one entry, in the order of the header; <paramref name="actionLabel"/> names the action in the reader's language.</summary>
    public static IEnumerable<string?> Row(AuditEntry entry, string actionLabel)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // Seconds matter in an audit trail, and Excel reads this form as a date and time.
        return
        [
            VietnamTime.ToLocal(entry.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            entry.UserName,
            entry.UserId?.ToString(CultureInfo.InvariantCulture),
            entry.IpAddress,
            actionLabel,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Summary,
            entry.Changes,
        ];
    }
}
