using System.Globalization;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Http;
using Sen.Web.Text;

namespace Sen.Web.Features.Audit;

/// <summary>
/// GET /admin/nhat-ky/xuat.csv: the entries the audit page's filters select, as CSV (<see cref="AuditCsv"/>),
/// written row by row as the database reads them. Administrators only; the export is itself audited.
/// </summary>
public static class ExportAuditLog
{
    public const string Path = "/admin/nhat-ky/xuat.csv";

    // Rows between flushes: the download starts at once and the server holds a few rows, never the table.
    private const int RowsPerFlush = 200;

    public static IEndpointConventionBuilder MapAuditLogExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, HandleAsync).RequireAuthorization(NewsroomPolicies.Newsroom, NewsroomPolicies.Administer);

    private static async Task<IResult> HandleAsync(
        HttpContext context, ReadAuditLog log, AuditLog audit, SenDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, error) = AuditLogFilter.Read(context.Request.Query);
        if (error is not null)
        {
            StatusMessage.Set(context, error);
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        var query = filter.Url("");
        audit.Record(AuditActions.AuditExported, null, null, query.Length == 0 ? text["Audit.Export.Everything"] : query);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var fileName = text["Audit.Export.FileName", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value;
        var header = AuditCsv.HeaderKeys.Select(k => text[k].Value).ToList();
        return Results.Stream(body => WriteAsync(body, header, log.StreamAsync(filter, cancellationToken), action => Label(text, action), cancellationToken), "text/csv; charset=utf-8", fileName);
    }

    private static async Task WriteAsync(Stream body, IReadOnlyList<string> header, IAsyncEnumerable<AuditEntry> entries, Func<string, string> label, CancellationToken cancellationToken)
    {
        await body.WriteAsync(AuditCsv.Encoding.GetPreamble(), cancellationToken).ConfigureAwait(false);
        var writer = new StreamWriter(body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(AuditCsv.Line(header)).ConfigureAwait(false);
            var rows = 0;
            await foreach (var entry in entries.ConfigureAwait(false))
            {
                await writer.WriteAsync(AuditCsv.Line(AuditCsv.Row(entry, label(entry.Action)))).ConfigureAwait(false);
                if (++rows % RowsPerFlush == 0)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An action's label in the reader's language; its key when strings.tsv has none (an action added without one).</summary>
    public static string Label(IStringLocalizer text, string action)
    {
        ArgumentNullException.ThrowIfNull(text);
        var label = text[AuditActions.LabelKey(action)];
        return label.ResourceNotFound ? action : label.Value;
    }
}
