using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Tools.Bench;

/// <summary>
/// `sen-tools bench search`: search latency (p50/p95) for realistic queries on the configured database,
/// index build time and size, written as a Markdown section for BENCHMARKS.md. Run by hand
/// (bench/search/run.sh), never as a test.
/// </summary>
public static class SearchBench
{
    /// <summary>What readers type: no diacritics, NFD, capitals, đ, quotes, symbols, several words.</summary>
    public static readonly IReadOnlyList<string> Queries =
    [
        "que son", "Quế Sơn", "ket luan 62", "62-KL/TW", "đảng bộ", "dang bo tinh", "QUẢNG NAM", "\"nông thôn mới\"",
        "chuyển đổi số", "phong chong thien tai", "dân vận khéo", "hoc tap va lam theo bac", "kiểm tra giám sát",
        "đại hội đảng bộ", "cải cách hành chính", "Hội nghị".Normalize(NormalizationForm.FormD), "xay dung dang", "an sinh xã hội",
    ];

    public static readonly IReadOnlyList<string> SuggestQueries = ["que s", "dai h", "nong thon m", "chuyen d", "dang b"];

    public static Command Create()
    {
        var fill = new Option<int>("--fill") { Description = "Thêm N bài viết tổng hợp trước khi đo (0: dùng dữ liệu có sẵn). / Insert N synthetic articles first (0: use existing content, e.g. from `sen-tools generate`)." };
        var iterations = new Option<int>("--iterations") { Description = "Số lần chạy mỗi truy vấn. / Runs per query.", DefaultValueFactory = _ => 30 };
        var output = new Option<FileInfo?>("--output") { Description = "Ghi kết quả Markdown vào tệp. / Write the Markdown section to a file." };
        var skipRebuild = new Option<bool>("--skip-rebuild") { Description = "Không đo thời gian xây dựng lại chỉ mục. / Do not time a full index rebuild." };
        var command = new Command("search", "Đo tốc độ tìm kiếm. / Benchmark search.") { fill, iterations, output, skipRebuild };
        command.SetAction((parse, cancellationToken) => SenCommandLine.WithServicesAsync(async (services, ct) =>
        {
            var markdown = await RunAsync(services, parse.GetValue(fill), Math.Max(1, parse.GetValue(iterations)), !parse.GetValue(skipRebuild), ct).ConfigureAwait(false);
            Console.WriteLine(markdown);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, markdown, ct).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    public static async Task<string> RunAsync(IServiceProvider services, int fill, int iterations, bool rebuild, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<SenDbContext>();
        var site = await services.GetRequiredService<SiteContext>().GetAsync(cancellationToken).ConfigureAwait(false);
        var clock = services.GetRequiredService<TimeProvider>();
        string? fillLine = null;
        if (fill > 0)
        {
            var watch = Stopwatch.StartNew();
            await FillAsync(db, site.Id, fill, clock, cancellationToken).ConfigureAwait(false);
            fillLine = string.Create(CultureInfo.InvariantCulture, $"| Insert {fill:N0} articles, indexed in the same SaveChanges | {watch.Elapsed.TotalSeconds:0.0} s |");
        }

        var articles = await db.Articles.CountAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan? build = null;
        if (rebuild)
        {
            var watch = Stopwatch.StartNew();
            await services.GetRequiredService<RebuildSearchIndex>().HandleAsync(null, cancellationToken).ConfigureAwait(false);
            build = watch.Elapsed;
        }

        var index = services.GetRequiredService<ISearchIndex>();
        var size = await index.SizeInBytesAsync(cancellationToken).ConfigureAwait(false);
        var search = services.GetRequiredService<SearchArticles>();
        var suggest = services.GetRequiredService<SuggestSearch>();
        var filter = new SearchFilter(site.Id, clock.GetUtcNow().UtcDateTime);

        // One pass over every query first, so that no query is timed while the JIT still compiles the code it runs
        // (the first queries measured used to carry the tiering-up of the whole search path in their p95).
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var q in Queries)
            {
                var query = SearchQuery.Parse(q);
                await search.HandleAsync(new SearchArticles.Query(query, filter), cancellationToken).ConfigureAwait(false);
                await search.HandleAsync(new SearchArticles.Query(query, filter, SearchOrder.Newest), cancellationToken).ConfigureAwait(false);
            }
        }

        var rows = new List<string>();
        var all = new List<double>();
        var allNewest = new List<double>();
        foreach (var q in Queries)
        {
            var query = SearchQuery.Parse(q);
            var relevance = await MeasureAsync(iterations, () => search.HandleAsync(new SearchArticles.Query(query, filter), cancellationToken)).ConfigureAwait(false);
            var newest = await MeasureAsync(iterations, () => search.HandleAsync(new SearchArticles.Query(query, filter, SearchOrder.Newest), cancellationToken)).ConfigureAwait(false);
            var hits = (await search.HandleAsync(new SearchArticles.Query(query, filter), cancellationToken).ConfigureAwait(false)).TotalCount;
            all.AddRange(relevance);
            allNewest.AddRange(newest);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| `{Escape(q)}` | {hits:N0} | {P(relevance, 50):0.0} | {P(relevance, 95):0.0} | {P(newest, 50):0.0} | {P(newest, 95):0.0} |"));
        }

        var allSuggest = new List<double>();
        foreach (var q in SuggestQueries)
        {
            allSuggest.AddRange(await MeasureAsync(iterations, () => suggest.HandleAsync(q, filter, cancellationToken)).ConfigureAwait(false));
        }

        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"### Search – {db.Provider}, {articles:N0} articles");
        md.AppendLine();
        md.AppendLine(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}; `sen-tools bench search`, {iterations} runs per query after three warm-up passes over all queries and 2 warm-up runs of each. A run is the whole first results page as the page gets it: count, candidates, Sen's re-ranking, snippets.");
        md.AppendLine();
        md.AppendLine("| Measure | Value |");
        md.AppendLine("|---|---|");
        if (fillLine is not null)
        {
            md.AppendLine(fillLine);
        }

        if (build is { } b)
        {
            md.AppendLine(inv, $"| Index rebuild (`sen search rebuild`) | {b.TotalSeconds:0.0} s |");
        }

        md.AppendLine(inv, $"| Index size (entries table, its indexes and full-text structures) | {size / 1024.0 / 1024.0:0.0} MiB |");
        md.AppendLine(inv, $"| Search, relevance, all queries | p50 {P(all, 50):0.0} ms, p95 {P(all, 95):0.0} ms |");
        md.AppendLine(inv, $"| Search, newest first, all queries | p50 {P(allNewest, 50):0.0} ms, p95 {P(allNewest, 95):0.0} ms |");
        md.AppendLine(inv, $"| Suggestions (prefix), all queries | p50 {P(allSuggest, 50):0.0} ms, p95 {P(allSuggest, 95):0.0} ms |");
        md.AppendLine();
        md.AppendLine("| Query | Hits | Relevance p50 ms | p95 ms | Newest p50 ms | p95 ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine(row);
        }

        return md.ToString();
    }

    private static async Task<List<double>> MeasureAsync<T>(int iterations, Func<Task<T>> work)
    {
        for (var i = 0; i < 2; i++)
        {
            await work().ConfigureAwait(false);
        }

        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await work().ConfigureAwait(false);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return samples;
    }

    private static double P(List<double> samples, int percentile)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string Escape(string q) => VietnameseText.Nfc(q)!.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    /// <summary>Synthetic but plausible articles from Vietnamese news vocabulary, for runs without `sen-tools generate`.</summary>
    private static async Task FillAsync(SenDbContext db, int siteId, int count, TimeProvider clock, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.Where(c => c.SiteId == siteId).Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var random = new Random(20191003);
        var now = clock.GetUtcNow().UtcDateTime;
        var start = await db.Articles.CountAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var title = Pick(random, Places) + ": " + Pick(random, Events) + " " + Pick(random, Topics);
            var lead = Sentence(random) + " " + Sentence(random);
            var body = new StringBuilder();
            for (var p = 0; p < 6 + random.Next(6); p++)
            {
                body.Append("<p>").Append(Sentence(random)).Append(' ').Append(Sentence(random)).Append(' ').Append(Sentence(random)).Append("</p>");
            }

            db.Articles.Add(new Article
            {
                SiteId = siteId,
                CategoryId = categories[random.Next(categories.Count)],
                Title = title,
                Slug = Slug.From(title) is { Length: > 100 } s ? s[..100] : Slug.From(title),
                Lead = lead,
                BodyHtml = body.ToString(),
                AuthorName = Pick(random, Authors),
                AuthorUnit = Pick(random, Units),
                Status = ArticleStatus.Published,
                PublishedAt = now.AddMinutes(-random.Next(60 * 24 * 365 * 8)),
                CreatedAt = now,
                UpdatedAt = now,
            });
            if ((i + 1) % 1000 == 0 || i == count - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{start + i + 1} …"));
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        Console.Error.WriteLine();
    }

    private static string Sentence(Random random) =>
        Pick(random, Subjects) + " " + Pick(random, Verbs) + " " + Pick(random, Topics) + " " + Pick(random, Tails) + ".";

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static readonly string[] Places = ["Quế Sơn", "Núi Thành", "Đại Lộc", "Tam Kỳ", "Hội An", "Điện Bàn", "Duy Xuyên", "Thăng Bình", "Tiên Phước", "Bắc Trà My", "Nam Giang", "Phú Ninh", "Hiệp Đức", "Đông Giang", "Tây Giang", "Phước Sơn", "Nông Sơn", "Nam Trà My"];

    private static readonly string[] Events = ["Hội nghị sơ kết", "Tổng kết", "Triển khai", "Ra mắt mô hình", "Hội thảo về", "Tập huấn", "Kiểm tra việc thực hiện", "Giám sát", "Đối thoại về", "Phát động thi đua"];

    private static readonly string[] Topics = ["công tác dân vận", "xây dựng nông thôn mới", "chuyển đổi số", "cải cách hành chính", "phòng, chống thiên tai", "công tác kiểm tra, giám sát", "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "đại hội đảng bộ cơ sở", "an sinh xã hội", "giảm nghèo bền vững", "phát triển kinh tế tập thể", "bảo vệ nền tảng tư tưởng của Đảng", "Kết luận số 62-KL/TW", "Chỉ thị 05-CT/TW", "Nghị quyết số 18-NQ/TW", "công tác cán bộ", "phát triển đảng viên", "xây dựng Đảng trong sạch, vững mạnh"];

    private static readonly string[] Subjects = ["Ban Thường vụ Huyện ủy", "Đảng ủy xã", "Ủy ban MTTQ Việt Nam huyện", "Ban Dân vận Tỉnh ủy", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Nông dân", "Hội Cựu chiến binh", "Liên đoàn Lao động", "Ủy ban Kiểm tra Thị ủy", "Chi bộ thôn", "Các cấp ủy đảng"];

    private static readonly string[] Verbs = ["đã tổ chức", "tiếp tục đẩy mạnh", "triển khai thực hiện", "quán triệt", "đánh giá kết quả", "chỉ đạo", "phối hợp thực hiện", "tăng cường"];

    private static readonly string[] Tails = ["trong năm qua", "với nhiều kết quả quan trọng", "đến từng chi bộ, đảng viên", "tại các thôn, khối phố", "gắn với nhiệm vụ chính trị của địa phương", "theo đúng kế hoạch đề ra", "trong tình hình mới", "nhằm nâng cao đời sống nhân dân"];

    private static readonly string[] Authors = ["Minh Châu", "Hoàng Anh", "Thanh Tâm", "Quốc Việt", "Phương Thảo", "Thúy Lan", "Ngọc Hà", "Đức Toàn"];

    private static readonly string[] Units = ["Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy", "Ban Dân vận Huyện ủy", "Ủy ban Kiểm tra Huyện ủy", "Ban Tổ chức Tỉnh ủy"];
}
