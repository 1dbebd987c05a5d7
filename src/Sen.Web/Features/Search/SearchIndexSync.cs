using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Documents;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>
/// Keeps the search index in step with articles inside the same SaveChanges (hence the same
/// transaction), whoever the writer is: importer, newsroom, API. Deleting an article deletes its
/// row by cascade. Bulk ExecuteUpdate/ExecuteDelete bypass this; run `sen search rebuild` after those.
/// </summary>
internal static class SearchIndexSync
{
    private static readonly HashSet<string> IndexedProperties =
    [
        nameof(Article.Title), nameof(Article.Lead), nameof(Article.BodyHtml), nameof(Article.AuthorName), nameof(Article.AuthorUnit),
        nameof(Article.Status), nameof(Article.PublishedAt), nameof(Article.CategoryId), nameof(Article.SiteId),
    ];

    private static readonly HashSet<string> IndexedDocumentProperties =
    [
        nameof(LegalDocument.Number), nameof(LegalDocument.Kind), nameof(LegalDocument.Body), nameof(LegalDocument.Summary),
        nameof(LegalDocument.Term), nameof(LegalDocument.IssuedOn), nameof(LegalDocument.Status), nameof(LegalDocument.SiteId),
    ];

    public static async Task BeforeSaveAsync(SenDbContext db, CancellationToken cancellationToken)
    {
        var documents = ChangedDocuments(db);
        if (documents.Count > 0)
        {
            var ids = documents.Select(d => d.Id).ToList();
            var rows = await db.SearchEntries.Where(e => e.DocumentId != null && ids.Contains(e.DocumentId.Value))
                .ToDictionaryAsync(e => e.DocumentId!.Value, cancellationToken).ConfigureAwait(false);
            UpdateDocuments(db, documents, rows);
        }

        var modified = AddNew(db);
        if (modified.Count > 0)
        {
            var ids = modified.Select(a => a.Id).ToList();
            var existing = await db.SearchEntries.Where(e => e.ArticleId != null && ids.Contains(e.ArticleId.Value))
                .ToDictionaryAsync(e => e.ArticleId!.Value, cancellationToken).ConfigureAwait(false);
            Update(db, modified, existing);
        }
    }

    public static void BeforeSave(SenDbContext db)
    {
        var documents = ChangedDocuments(db);
        if (documents.Count > 0)
        {
            var ids = documents.Select(d => d.Id).ToList();
            var rows = db.SearchEntries.Where(e => e.DocumentId != null && ids.Contains(e.DocumentId.Value))
                .ToDictionary(e => e.DocumentId!.Value);
            UpdateDocuments(db, documents, rows);
        }

        var modified = AddNew(db);
        if (modified.Count > 0)
        {
            var ids = modified.Select(a => a.Id).ToList();
            var existing = db.SearchEntries.Where(e => e.ArticleId != null && ids.Contains(e.ArticleId.Value))
                .ToDictionary(e => e.ArticleId!.Value);
            Update(db, modified, existing);
        }
    }

    /// <summary>Adds rows for new published articles; returns the modified articles whose indexed text or visibility changed.</summary>
    private static List<Article> AddNew(SenDbContext db)
    {
        var modified = new List<Article>();
        foreach (var entry in db.ChangeTracker.Entries<Article>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                if (SearchEntryBuilder.IsSearchable(entry.Entity))
                {
                    var row = new SearchEntry { Article = entry.Entity };
                    SearchEntryBuilder.Fill(row, entry.Entity);
                    db.SearchEntries.Add(row);
                }
            }
            else if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && IndexedProperties.Contains(p.Metadata.Name)))
            {
                modified.Add(entry.Entity);
            }
        }

        return modified;
    }

    private static void Update(SenDbContext db, List<Article> modified, Dictionary<int, SearchEntry> existing)
    {
        foreach (var article in modified)
        {
            existing.TryGetValue(article.Id, out var row);
            if (!SearchEntryBuilder.IsSearchable(article))
            {
                if (row is not null)
                {
                    db.SearchEntries.Remove(row);
                }

                continue;
            }

            if (row is null)
            {
                row = new SearchEntry { ArticleId = article.Id };
                db.SearchEntries.Add(row);
            }

            SearchEntryBuilder.Fill(row, article);
        }
    }

    // Documents are created as drafts (SaveDocument), so they are indexed when a later save publishes them;
    // a document added already published (an import) is indexed by `sen search rebuild`.
    private static List<LegalDocument> ChangedDocuments(SenDbContext db) =>
        [.. db.ChangeTracker.Entries<LegalDocument>()
            .Where(e => e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && IndexedDocumentProperties.Contains(p.Metadata.Name)))
            .Select(e => e.Entity)];

    private static void UpdateDocuments(SenDbContext db, List<LegalDocument> documents, Dictionary<int, SearchEntry> existing)
    {
        foreach (var document in documents)
        {
            existing.TryGetValue(document.Id, out var row);
            if (!SearchEntryBuilder.IsSearchable(document))
            {
                if (row is not null)
                {
                    db.SearchEntries.Remove(row);
                }

                continue;
            }

            if (row is null)
            {
                row = new SearchEntry();
                db.SearchEntries.Add(row);
            }

            SearchEntryBuilder.Fill(row, document);
        }
    }
}
