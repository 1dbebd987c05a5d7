using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Tools.Generate;

/// <summary>
/// Writes many realistic published articles for load tests and demos. Rows go in through one prepared
/// INSERT per batch transaction: EF change tracking of 100,000 entities would take minutes. Bypassing
/// EF also bypasses what EF saves do for the product, so this does it itself: article HTML through
/// the product's sanitizer, the search index rebuilt, the caches told.
/// </summary>
public sealed class GenerateArticles(SenDbContext db, TimeProvider clock, ContentChangeInterceptor changes, RebuildSearchIndex searchIndex)
{
    public const int BatchSize = 2000;

    /// <summary>
    /// Most articles land in one tree (Tin cơ sở under Tin tức - Sự kiện), as on real portals where
    /// district news dominates; that is also what gives category listings thousands of pages.
    /// </summary>
    public static readonly IReadOnlyList<(string Slug, double Weight)> Spread =
    [
        ("tin-co-so", 84), ("tin-tuc-su-kien", 12), ("xay-dung-dang", 1.5), ("cong-tac-dan-van", 1),
        ("hoc-tap-va-lam-theo-bac", 1), ("dang-cong-san-viet-nam", 0.5),
    ];

    public sealed record Command(int SiteId, int Count, int Seed, int Years = 8);

    public sealed record Result(int Inserted, TimeSpan Elapsed, int Indexed, TimeSpan Indexing);

    public async Task<Result> HandleAsync(Command command, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfNegative(command.Count);
        var started = clock.GetTimestamp();
        var categories = await db.Categories.AsNoTracking().Where(c => c.SiteId == command.SiteId)
            .Select(c => new { c.Id, c.ParentId, c.Slug }).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (categories.Count == 0)
        {
            throw new InvalidOperationException("The site has no categories to put articles in.");
        }

        // A weighted root spreads its share over itself and its children (the party congress terms).
        var targets = new List<(int Id, double Weight)>();
        foreach (var (slug, weight) in Spread)
        {
            var category = categories.FirstOrDefault(c => c.Slug == slug);
            if (category is null)
            {
                continue;
            }

            var children = categories.Where(c => c.ParentId == category.Id && !Spread.Any(s => s.Slug == c.Slug)).ToList();
            var share = weight / (children.Count + 1);
            targets.Add((category.Id, share));
            targets.AddRange(children.Select(c => (c.Id, share)));
        }

        if (targets.Count == 0)
        {
            targets.AddRange(categories.Select(c => (c.Id, 1.0)));
        }

        var cumulative = new double[targets.Count];
        var sum = 0.0;
        for (var i = 0; i < targets.Count; i++)
        {
            sum += targets[i].Weight;
            cumulative[i] = sum;
        }

        var random = new Random(command.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var span = TimeSpan.FromDays(365.25 * command.Years).Ticks;
        var connection = db.Database.GetDbConnection();
        var inserted = 0;
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (inserted < command.Count)
            {
                var batch = Math.Min(BatchSize, command.Count - inserted);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var insert = CreateInsert(connection, transaction);
                for (var i = 0; i < batch; i++)
                {
                    // Published between an hour and `Years` years ago, in the Vietnamese working day.
                    var publishedAt = new DateTime(now.Ticks - TimeSpan.TicksPerHour - (long)(random.NextDouble() * span), DateTimeKind.Utc);
                    publishedAt = publishedAt.AddTicks(-(publishedAt.Ticks % TimeSpan.TicksPerSecond));
                    var story = VietnameseCorpus.Write(random, VietnamTime.ToLocal(publishedAt));
                    var categoryId = targets[Pick(cumulative, random.NextDouble() * sum)].Id;
                    var p = insert.Parameters;
                    p[0].Value = command.SiteId;
                    p[1].Value = categoryId;
                    p[2].Value = story.Title;
                    p[3].Value = Slug.From(story.Title);
                    p[4].Value = story.Lead;
                    p[5].Value = SafeHtml.Sanitize(story.BodyHtml);
                    p[6].Value = random.Next(10) < 3 ? "/img/demo/hoi-nghi.svg" : DBNull.Value;
                    p[7].Value = VietnameseCorpus.Byline(random);
                    p[8].Value = story.AuthorUnit;
                    p[9].Value = (int)ArticleStatus.Published;
                    p[10].Value = random.Next(200) == 0;
                    p[11].Value = publishedAt;
                    p[12].Value = publishedAt;
                    p[13].Value = publishedAt;
                    p[14].Value = (long)(-Math.Log(1 - random.NextDouble()) * 300);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                inserted += batch;
                progress?.Report(inserted);
            }

            // Fresh statistics, so the planners pick the listing indexes on the grown table.
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE \"Articles\"";
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        var written = clock.GetElapsedTime(started);
        var indexed = await searchIndex.HandleAsync(null, cancellationToken).ConfigureAwait(false);
        await changes.BulkChangedAsync(cancellationToken).ConfigureAwait(false);
        return new Result(inserted, written, indexed, clock.GetElapsedTime(started) - written);
    }

    private static int Pick(double[] cumulative, double value)
    {
        var index = Array.BinarySearch(cumulative, value);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static DbCommand CreateInsert(DbConnection connection, DbTransaction transaction)
    {
        string[] columns =
        [
            "SiteId", "CategoryId", "Title", "Slug", "Lead", "BodyHtml", "CoverImageUrl", "AuthorName", "AuthorUnit",
            "Status", "IsFeatured", "PublishedAt", "CreatedAt", "UpdatedAt", "ViewCount",
        ];
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"Articles\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}, \"Version\") " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))}, 0)";
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
