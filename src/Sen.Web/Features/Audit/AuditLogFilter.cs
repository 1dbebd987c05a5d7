using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Sen.Web.Features.Search;
using Sen.Web.Text;

namespace Sen.Web.Features.Audit;

/// <summary>
/// What the administrator asked the audit log for, read from the query string (the page and the CSV
/// export read the same parameters). Dates are Vietnamese calendar days, both ends included.
/// </summary>
public sealed record AuditLogFilter(int? UserId, string? Action, string? EntityType, DateOnly? From, DateOnly? To, string? Text)
{
    public const string UserParameter = "nguoi-dung";
    public const string ActionParameter = "hanh-dong";
    public const string EntityTypeParameter = "doi-tuong";
    public const string FromParameter = "tu-ngay";
    public const string ToParameter = "den-ngay";
    public const string TextParameter = "q";

    public const int MaxTextLength = 200;

    public static readonly AuditLogFilter None = new(null, null, null, null, null, null);

    /// <summary>The filter, or in ErrorKey a strings.tsv key saying what was wrong (the caller answers 400 with it).</summary>
    public static (AuditLogFilter Filter, string? ErrorKey) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!TryOne(query, UserParameter, 10, out var user)
            || !TryOne(query, ActionParameter, 64, out var action)
            || !TryOne(query, EntityTypeParameter, 64, out var entityType)
            || !TryOne(query, FromParameter, 10, out var from)
            || !TryOne(query, ToParameter, 10, out var to)
            || !TryOne(query, TextParameter, MaxTextLength, out var text))
        {
            return (None, "Audit.Error.BadParameter");
        }

        int? userId = null;
        if (user is not null)
        {
            if (!int.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (None, "Audit.Error.BadUser");
            }

            userId = id;
        }

        if (action is not null && !AuditActions.All.Contains(action, StringComparer.Ordinal))
        {
            return (None, "Audit.Error.BadAction");
        }

        if (!SearchFilters.TryParseDate(from, out var fromDate) || !SearchFilters.TryParseDate(to, out var toDate))
        {
            return (None, "Audit.Error.BadDate");
        }

        if (fromDate > toDate)
        {
            return (None, "Audit.Error.BadDateRange");
        }

        return (new AuditLogFilter(userId, action, entityType, fromDate, toDate, VietnameseText.Nfc(text)), null);
    }

    /// <summary>The first moment (UTC) the filter takes: the start of its first day in Vietnam.</summary>
    public DateTime? FromUtc => From is { } day ? VietnamTime.ToUtc(day.ToDateTime(TimeOnly.MinValue)) : null;

    /// <summary>The first moment (UTC) past the filter: the start of the day after its last day in Vietnam.</summary>
    public DateTime? BeforeUtc => To is { } day ? VietnamTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;

    public bool IsEmpty => this == None;

    /// <summary><paramref name="path"/> with this filter (and the page, when past the first) in its query string.</summary>
    public string Url(string path, int page = 1)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [UserParameter] = UserId?.ToString(CultureInfo.InvariantCulture),
            [ActionParameter] = Action,
            [EntityTypeParameter] = EntityType,
            [FromParameter] = DateValue(From),
            [ToParameter] = DateValue(To),
            [TextParameter] = Text,
            [Infrastructure.Http.PageQuery.Parameter] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString(path, parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>A date as the form's date inputs want it (yyyy-MM-dd), or "".</summary>
    public static string DateValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>At most one value no longer than <paramref name="maxLength"/>; blank counts as absent.</summary>
    private static bool TryOne(IQueryCollection query, string name, int maxLength, out string? value)
    {
        value = null;
        StringValues values = query[name];
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1 || values[0] is not { } single || single.Length > maxLength)
        {
            return false;
        }

        value = string.IsNullOrWhiteSpace(single) ? null : single.Trim();
        return true;
    }
}
