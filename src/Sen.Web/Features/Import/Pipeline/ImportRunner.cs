using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.Redirects;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Import.Pipeline;

/// <summary>
/// Brings the items of an <see cref="IImportSource"/> into the current site (docs/IMPORT.md): one article per item,
/// keyed by (site, <see cref="ImportItem.SourceKey"/>), so a re-run updates or skips and never duplicates; committed
/// in batches, so an interrupted run loses one batch at most and its re-run carries on; each item's old addresses
/// registered as redirects; at the end, links between imported items pointed at their new addresses, one audit
/// entry for the run, and the caches told once.
/// </summary>
public sealed class ImportRunner(
    SenDbContext db,
    SiteContext siteContext,
    CurrentUser currentUser,
    AuditLog audit,
    IServiceScopeFactory scopes,
    ContentChangeInterceptor contentChanges,
    RedirectTable redirectTable,
    TimeProvider clock)
{
    /// <summary>Who the audit log, the revisions and the media name when no user is signed in.</summary>
    public const string ActorName = "sen import";

    private static readonly JsonSerializerOptions HashJson = new() { WriteIndented = false };

    public async Task<ImportSummary> RunAsync(IImportSource source, ImportOptions options, Action<ImportSummary>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (currentUser.Actor.UserId is null && currentUser.Actor.Name.Length == 0)
        {
            currentUser.ActAs(Actor.System(ActorName));
        }

        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var run = new Run(db, scopes, currentUser.Actor, source, options, site.Id, clock.GetUtcNow().UtcDateTime, progress);
        if (await run.Categories.LoadAsync(cancellationToken).ConfigureAwait(false) is { } problem)
        {
            throw new ImportSetupException(problem);
        }

        var stopwatch = Stopwatch.StartNew();
        var dryRun = options.DryRun ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        try
        {
            try
            {
                await run.ReadAllAsync(cancellationToken).ConfigureAwait(false);
                await run.RewriteLinksAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                run.Summary.Cancelled = true;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            if (dryRun is not null)
            {
                await dryRun.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                await dryRun.DisposeAsync().ConfigureAwait(false);
            }
        }

        run.Summary.Elapsed = stopwatch.Elapsed;
        if (!options.DryRun && (run.Summary.Imported > 0 || run.Summary.Updated > 0 || run.Summary.LinksRewritten > 0 || run.Summary.Failed > 0))
        {
            await FinishAsync(run, site.Key).ConfigureAwait(false);
        }

        return run.Summary;
    }

    /// <summary>The run's audit entry, then what readers see brought up to date once: redirects, caches, listings.</summary>
    private async Task FinishAsync(Run run, string siteKey)
    {
        var summary = run.Summary;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{summary.Source}: {summary.Imported} mới / new, {summary.Updated} cập nhật / updated, {summary.Unchanged} không đổi / unchanged, {summary.Failed} lỗi / failed{(summary.Cancelled ? " (dừng giữa chừng / interrupted)" : "")}");
        audit.Record(AuditActions.ImportRun, "Import", summary.Source, text, siteId: run.SiteId);
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        redirectTable.Invalidate(siteKey);
        await contentChanges.BulkChangedAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static string Limit(string? text, int length)
    {
        var value = (VietnameseText.Nfc(text) ?? "").Trim();
        return value.Length <= length ? value : value[..length];
    }

    private static string HashOf(ImportItem item, ImportOptions options)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(item, HashJson);
        var settings = Encoding.UTF8.GetBytes(string.Join('\n', options.Status, options.DefaultCategory, string.Join('\n', options.Maps ?? [])));
        byte[] all = [.. json, 0, .. settings];
        return Convert.ToHexStringLower(SHA256.HashData(all));
    }

    /// <summary>One run's state: the categories, the media copied, the keys seen, the old hosts, the counts.</summary>
    private sealed class Run
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private readonly HashSet<string> oldHosts = new(StringComparer.OrdinalIgnoreCase);
        private readonly SenDbContext db;
        private readonly IImportSource source;
        private readonly ImportOptions options;
        private readonly int siteId;
        private readonly DateTime now;
        private readonly Action<ImportSummary>? progress;
        private readonly ImportMediaCopier media;

        public Run(SenDbContext db, IServiceScopeFactory scopes, Actor actor, IImportSource source, ImportOptions options, int siteId, DateTime now, Action<ImportSummary>? progress)
        {
            this.db = db;
            this.source = source;
            this.options = options;
            this.siteId = siteId;
            this.now = now;
            this.progress = progress;
            Actor = actor;
            media = new ImportMediaCopier(scopes, actor);
            Summary = new ImportSummary(source.Name, options.DryRun);
            Categories = new ImportCategories(db, siteId, options, now);
        }

        public ImportSummary Summary { get; }

        public ImportCategories Categories { get; }

        public int SiteId => siteId;

        private Actor Actor { get; }

        public async Task ReadAllAsync(CancellationToken cancellationToken)
        {
            var batch = new List<ImportItem>(options.BatchSize);
            await foreach (var read in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Summary.Read++;
                if (read.Failure is { } failure)
                {
                    Summary.Failures.Add(failure);
                    progress?.Invoke(Summary);
                }
                else if (read.Item is { } item)
                {
                    batch.Add(item);
                    if (batch.Count >= Math.Max(1, options.BatchSize))
                    {
                        await FlushAsync(batch, cancellationToken).ConfigureAwait(false);
                        batch.Clear();
                    }
                }
            }

            await FlushAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Links in imported bodies to another imported item's old address now point at its new one: one pass over the site's imported articles.</summary>
        public async Task RewriteLinksAsync(CancellationToken cancellationToken)
        {
            var targets = await db.Redirects.AsNoTracking().Where(r => r.SiteId == siteId && r.Source == source.Name)
                .Select(r => new { r.OldPath, r.Target }).ToDictionaryAsync(r => r.OldPath, r => r.Target, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
            if (targets.Count == 0)
            {
                return;
            }

            var lastId = 0;
            while (true)
            {
                var articles = await db.Articles.Where(a => a.SiteId == siteId && a.ImportSourceKey != null && a.Id > lastId && a.BodyHtml.Contains("href"))
                    .OrderBy(a => a.Id).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (articles.Count == 0)
                {
                    return;
                }

                lastId = articles[^1].Id;
                var changed = new Dictionary<int, string>();
                foreach (var article in articles)
                {
                    if (ImportBody.WithLinks(article.BodyHtml, targets, oldHosts, out var count) is { } body)
                    {
                        article.BodyHtml = body;
                        changed[article.Id] = body;
                        Summary.LinksRewritten += count;
                    }
                }

                if (changed.Count > 0)
                {
                    // The working copy follows when it is the imported one, so the newsroom shows the same links.
                    var ids = changed.Keys.ToList();
                    var revisions = await db.ArticleRevisions.Where(r => ids.Contains(r.ArticleId) && r.SavedByName == ActorName).ToListAsync(cancellationToken).ConfigureAwait(false);
                    var latest = articles.ToDictionary(a => a.Id, a => a.LatestRevision);
                    foreach (var revision in revisions.Where(r => latest[r.ArticleId] == r.Number))
                    {
                        revision.BodyHtml = changed[revision.ArticleId];
                    }

                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                db.ChangeTracker.Clear();
            }
        }

        private async Task FlushAsync(List<ImportItem> batch, CancellationToken cancellationToken)
        {
            if (batch.Count == 0)
            {
                return;
            }

            var prepared = await PrepareAsync(batch, cancellationToken).ConfigureAwait(false);
            if (prepared.Count == 0)
            {
                progress?.Invoke(Summary);
                return;
            }

            try
            {
                await WriteAsync(prepared, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (prepared.Count > 1)
            {
                // One bad item must not sink its batch: the batch was rolled back; each item now goes on its own.
                db.ChangeTracker.Clear();
                await Categories.LoadAsync(cancellationToken).ConfigureAwait(false);
                foreach (var one in prepared)
                {
                    try
                    {
                        await WriteAsync([await ResetAsync(one, cancellationToken).ConfigureAwait(false)], cancellationToken).ConfigureAwait(false);
                    }
                    catch (DbUpdateException e)
                    {
                        db.ChangeTracker.Clear();
                        await Categories.LoadAsync(cancellationToken).ConfigureAwait(false);
                        Summary.Failures.Add(new ImportFailure(one.Item.SourceUrl ?? one.Item.SourceKey, (e.InnerException ?? e).Message));
                    }
                }
            }

            progress?.Invoke(Summary);
        }

        // An item retried alone after its batch failed: the article is read again (the failed save changed the tracked copy).
        private async Task<Prepared> ResetAsync(Prepared one, CancellationToken cancellationToken) => one with
        {
            Existing = one.Existing is null ? null : await db.Articles.FirstAsync(a => a.Id == one.Existing.Id, cancellationToken).ConfigureAwait(false),
        };

        /// <summary>Outside any transaction: what to do with each item, its media copied, its body built.</summary>
        private async Task<List<Prepared>> PrepareAsync(List<ImportItem> batch, CancellationToken cancellationToken)
        {
            var keys = batch.Select(i => i.SourceKey).Distinct(StringComparer.Ordinal).ToList();
            var existing = await db.Articles
                .Where(a => a.SiteId == siteId && a.ImportSourceKey != null && keys.Contains(a.ImportSourceKey))
                .ToDictionaryAsync(a => a.ImportSourceKey!, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

            var prepared = new List<Prepared>();
            foreach (var item in batch)
            {
                var where = item.SourceUrl ?? item.SourceKey;
                if (Uri.TryCreate(item.SourceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                {
                    oldHosts.Add(url.Host);
                }

                if (string.IsNullOrWhiteSpace(item.SourceKey) || item.SourceKey.Length > Article.ImportSourceKeyMaxLength)
                {
                    Summary.Failures.Add(new ImportFailure(where, "Khoá nguồn trống hoặc quá dài / empty or too long source key"));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(item.Title))
                {
                    Summary.Failures.Add(new ImportFailure(where, "Không có tiêu đề / no title"));
                    continue;
                }

                if (!seen.Add(item.SourceKey))
                {
                    Summary.Unchanged++;
                    Summary.Notes.Add(new ImportFailure(where, "Trùng với một mục đã đọc trong lượt này, bỏ qua / duplicate of an item already read in this run, skipped"));
                    continue;
                }

                var hash = HashOf(item, options);
                var article = existing.GetValueOrDefault(item.SourceKey);
                if (article is not null && (article.ImportHash == hash || article.DeletedAt is not null))
                {
                    Summary.Unchanged++;
                    if (article.DeletedAt is not null && article.ImportHash != hash)
                    {
                        Summary.Notes.Add(new ImportFailure(where, "Bài đang ở thùng rác, không cập nhật / the article is in the bin, not updated"));
                    }

                    continue;
                }

                try
                {
                    prepared.Add(await PrepareItemAsync(item, hash, article, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
                {
                    Summary.Failures.Add(new ImportFailure(where, e.Message));
                }
            }

            return prepared;
        }

        private async Task<Prepared> PrepareItemAsync(ImportItem item, string hash, Article? existing, CancellationToken cancellationToken)
        {
            var where = item.SourceUrl ?? item.SourceKey;
            var copies = new Dictionary<string, (ImportMedia Media, MediaCopy Copy)>(StringComparer.Ordinal);
            foreach (var file in item.Media.DistinctBy(m => m.Reference))
            {
                var copy = await media.CopyAsync(file, item.Title, options.DryRun, cancellationToken).ConfigureAwait(false);
                if (copy.Problem is { } problem)
                {
                    Summary.Notes.Add(new ImportFailure(where, problem));
                }

                copies[file.Reference] = (file, copy);
            }

            var body = ImportBody.WithMedia(item.BodyHtml, copies);
            string? coverUrl = null;
            string? coverCaption = null;
            if (item.CoverReference is { } reference && copies.TryGetValue(reference, out var cover) && cover.Copy.Problem is null && !options.DryRun)
            {
                coverUrl = cover.Copy.Url;
                coverCaption = cover.Media.Caption;
            }
            var publish = options.Status == ImportStatus.Published && !item.Draft && item.PublishedAt is not null;
            if (options.Status == ImportStatus.Published && !item.Draft && item.PublishedAt is null)
            {
                Summary.Notes.Add(new ImportFailure(where, "Không có ngày đăng: nhập thành bản nháp / no publication date: imported as a draft"));
            }

            return new Prepared(item, hash, existing, body, coverUrl, coverCaption, publish);
        }

        /// <summary>One transaction: categories, articles, their revisions and redirects.</summary>
        private async Task WriteAsync(List<Prepared> prepared, CancellationToken cancellationToken)
        {
            var transaction = options.DryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var categories = new List<ImportCategory>();
                foreach (var one in prepared)
                {
                    categories.Add(await Categories.ResolveAsync(one.Item.CategoryPath, cancellationToken).ConfigureAwait(false));
                }

                var articles = new List<Article>();
                for (var i = 0; i < prepared.Count; i++)
                {
                    articles.Add(Apply(prepared[i], categories[i]));
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < prepared.Count; i++)
                {
                    AddRevision(articles[i], prepared[i]);
                }

                await AddRedirectsAsync(prepared, articles, categories, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                var added = prepared.Count(p => p.Existing is null);
                Summary.Imported += added;
                Summary.Updated += prepared.Count - added;
            }
            catch (Exception)
            {
                // Categories created by this batch rolled back with it.
                db.ChangeTracker.Clear();
                await Categories.LoadAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }

                db.ChangeTracker.Clear();
            }
        }

        private Article Apply(Prepared one, ImportCategory category)
        {
            var item = one.Item;
            var title = Limit(item.Title, 500);
            var slug = Slug.From(title);
            var article = one.Existing ?? new Article
            {
                SiteId = siteId,
                Title = title,
                Slug = slug,
                ImportSourceKey = item.SourceKey,
                CreatedAt = item.PublishedAt ?? now,
                OwnerId = Actor.UserId,
            };
            article.Title = title;
            article.Slug = slug.Length == 0 ? "bai-viet" : slug;
            article.CategoryId = category.Id;
            article.Lead = Limit(item.Lead, 2000);
            article.BodyHtml = one.Body;
            article.AuthorName = Limit(item.AuthorName, 200);
            article.AuthorUnit = Limit(item.AuthorUnit, 200);
            article.CoverImageUrl = one.CoverUrl;
            article.CoverCaption = one.CoverUrl is null ? null : Limit(one.CoverCaption, 1000) is { Length: > 0 } caption ? caption : null;
            article.Keywords = item.Tags.Count == 0 ? null : Limit(string.Join(", ", item.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()), Article.KeywordsMaxLength);
            article.ImportHash = one.Hash;
            article.ViewCount = Math.Max(article.ViewCount, Math.Max(0, item.Views));
            article.Status = one.Publish ? ArticleStatus.Published : ArticleStatus.Draft;
            article.PublishedAt = one.Publish ? item.PublishedAt : null;
            article.Review = one.Publish ? ReviewState.None : ReviewState.Draft;
            article.UpdatedAt = now;
            if (one.Existing is null)
            {
                db.Articles.Add(article);
            }
            else
            {
                article.Version++;
            }

            return article;
        }

        /// <summary>Like a newsroom save: the imported fields are the next revision, and what readers see when published.</summary>
        private void AddRevision(Article article, Prepared one)
        {
            var fields = ArticleFields.Of(article) with { PublishAt = one.Publish ? null : one.Item.PublishedAt };
            var revision = new ArticleRevision
            {
                ArticleId = article.Id,
                Number = article.LatestRevision + 1,
                Title = article.Title,
                Slug = article.Slug,
                SavedAt = now,
                SavedById = Actor.UserId,
                SavedByName = ActorName,
                Note = RevisionNotes.Imported,
            };
            fields.CopyTo(revision);
            db.ArticleRevisions.Add(revision);
            article.LatestRevision = revision.Number;
            article.PublishedRevision = one.Publish ? revision.Number : null;
        }

        /// <summary>Each old address (the item's paths and its source URL's) answers 301 with the new one; an editor's own redirect is left alone.</summary>
        private async Task AddRedirectsAsync(List<Prepared> prepared, List<Article> articles, List<ImportCategory> categories, CancellationToken cancellationToken)
        {
            var wanted = new Dictionary<string, (string Target, string Where)>(StringComparer.Ordinal);
            for (var i = 0; i < prepared.Count; i++)
            {
                var item = prepared[i].Item;
                var target = ArticleUrls.Article(categories[i].Slug, articles[i].Slug, articles[i].Id);
                var normalizedTarget = RedirectPaths.Normalize(target);
                foreach (var path in item.OldPaths.Append(item.SourceUrl))
                {
                    if (RedirectPaths.Normalize(path) is { } old && old != normalizedTarget)
                    {
                        wanted[old] = (target, item.SourceUrl ?? item.SourceKey);
                    }
                }
            }

            if (wanted.Count == 0)
            {
                return;
            }

            var paths = wanted.Keys.ToList();
            var rows = await db.Redirects.Where(r => r.SiteId == siteId && paths.Contains(r.OldPath))
                .ToDictionaryAsync(r => r.OldPath, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
            foreach (var (old, (target, where)) in wanted)
            {
                if (!rows.TryGetValue(old, out var row))
                {
                    db.Redirects.Add(new Redirect { SiteId = siteId, OldPath = old, Target = target, Source = source.Name, CreatedBy = ActorName, CreatedAt = now });
                }
                else if (row.Source != source.Name)
                {
                    Summary.Notes.Add(new ImportFailure(where, $"Địa chỉ cũ đã có chuyển hướng khác, giữ nguyên / the old address already redirects elsewhere, kept: {old}"));
                }
                else if (row.Target != target)
                {
                    row.Target = target;
                }
            }
        }
    }

    private sealed record Prepared(ImportItem Item, string Hash, Article? Existing, string Body, string? CoverUrl, string? CoverCaption, bool Publish);
}

/// <summary>The run cannot start (a --map to a category that does not exist): nothing was read or written.</summary>
public sealed class ImportSetupException : Exception
{
    public ImportSetupException()
    {
    }

    public ImportSetupException(string message)
        : base(message)
    {
    }

    public ImportSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
