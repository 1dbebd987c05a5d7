using Sen.Web.Features.Articles;
using Sen.Web.Features.Documents;

namespace Sen.Web.Features.Search;

/// <summary>Fills <see cref="SearchEntry"/> rows from their sources; the one place that decides what is searchable.</summary>
public static class SearchEntryBuilder
{
    /// <summary>
    /// Whether the article has an entry: published with a publication time. Scheduled articles have
    /// one too and are left out by time at query.
    /// </summary>
    public static bool IsSearchable(Article article) =>
        article is { Status: ArticleStatus.Published, PublishedAt: not null };

    public static void Fill(SearchEntry entry, Article article)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(article);
        var author = string.Join(", ", new[] { article.AuthorName, article.AuthorUnit }.Where(s => !string.IsNullOrWhiteSpace(s)));
        Fill(entry, SearchKind.Article, article.SiteId, article.CategoryId, article.PublishedAt!.Value, article.Title, article.Lead, author, SearchText.HtmlToText(article.BodyHtml));
        if (article.Id != 0)
        {
            entry.ArticleId = article.Id;
        }
    }

    /// <summary>Whether the document has an entry: while readers can see it.</summary>
    public static bool IsSearchable(LegalDocument document) =>
        document is { Status: ArticleStatus.Published };

    /// <summary>
    /// A document's entry: its name ("Kết luận số 62-KL/TW") as title, so both "kết luận 62" and "62-KL/TW" find it,
    /// the number and symbol as extra, the summary (trích yếu) as lead, the issuing body and term as body, dated by its issue date.
    /// </summary>
    public static void Fill(SearchEntry entry, LegalDocument document)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(document);
        var body = DocumentVocabulary.BodyName(document.Body) + (document.Term is int term ? ", Khóa " + DocumentVocabulary.Roman(term) : "");
        // Dated by its issue date, but never later than its publication: the index leaves out entries dated in the future.
        var date = document.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (document.PublishedAt is { } published && date > published)
        {
            date = published;
        }

        Fill(entry, SearchKind.Document, document.SiteId, null, date,
            DocumentVocabulary.Name(document.Kind, document.Number), document.Summary, document.Number, body);
        entry.ArticleId = null;
        if (document.Id != 0)
        {
            entry.DocumentId = document.Id;
        }
    }

    /// <summary>For any kind: documents pass their number/symbol as <paramref name="extra"/> and summary as <paramref name="lead"/>.</summary>
    public static void Fill(SearchEntry entry, SearchKind kind, int siteId, int? categoryId, DateTime publishedAtUtc, string title, string lead, string extra, string body)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Kind = kind;
        entry.SiteId = siteId;
        entry.CategoryId = categoryId;
        entry.PublishedAt = publishedAtUtc;
        entry.Title = title;
        entry.Lead = lead;
        entry.Extra = extra;
        entry.Body = body;
        entry.TitleFolded = SearchText.Folded(title);
        entry.LeadFolded = SearchText.Folded(lead);
        entry.ExtraFolded = SearchText.Folded(extra);
        entry.BodyFolded = SearchText.Folded(body);
        entry.TitleExact = SearchText.Exact(title);
        entry.LeadExact = SearchText.Exact(lead);
    }
}
