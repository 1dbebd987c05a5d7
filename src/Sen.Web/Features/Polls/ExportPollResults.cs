using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Polls;

/// <summary>
/// A poll's results as CSV for Excel, written like the audit log's export (<see cref="AuditCsv"/>: UTF-8
/// with a byte order mark, CRLF, quoting, no formulas): the question, then one row per option with its
/// votes and percentage, then the number of ballots. The export is audited.
/// </summary>
public sealed class ExportPollResults(SenDbContext db, SiteContext siteContext, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public sealed record File(string Name, byte[] Content);

    public async Task<File?> HandleAsync(int pollId, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var poll = await db.Polls.AsNoTracking().Include(p => p.Options)
            .FirstOrDefaultAsync(p => p.Id == pollId && p.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (poll is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var results = ReadPolls.ToResults(poll, now);
        var csv = new StringBuilder();
        csv.Append(AuditCsv.Line([text["Poll.Csv.Question"], results.Question]));
        csv.Append(AuditCsv.Line([text["Poll.Csv.Exported"], VietnamTime.ToLocal(now).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)]));
        csv.Append(AuditCsv.Line([text["Poll.Csv.Option"], text["Poll.Csv.Votes"], text["Poll.Csv.Percent"]]));
        foreach (var option in results.Options)
        {
            csv.Append(AuditCsv.Line([option.Text, option.Votes.ToString(CultureInfo.InvariantCulture), option.Percent.ToString("0.0", CultureInfo.InvariantCulture)]));
        }

        csv.Append(AuditCsv.Line([text["Poll.Csv.Ballots"], results.Ballots.ToString(CultureInfo.InvariantCulture), ""]));

        audit.Record(AuditActions.PollExported, nameof(Poll), poll.Id.ToString(CultureInfo.InvariantCulture), poll.Question, siteId: site.Id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var bytes = AuditCsv.Encoding.GetPreamble().Concat(AuditCsv.Encoding.GetBytes(csv.ToString())).ToArray();
        return new File(string.Create(CultureInfo.InvariantCulture, $"tham-do-{poll.Id}-{VietnamTime.ToLocal(now):yyyyMMdd-HHmm}.csv"), bytes);
    }
}
