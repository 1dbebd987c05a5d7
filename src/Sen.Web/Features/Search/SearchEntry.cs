using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Search;

/// <summary>What a search hit points at.</summary>
public enum SearchKind
{
    Article = 1,

    /// <summary>A document of the library (number/symbol in <see cref="SearchEntry.Extra"/>, summary in <see cref="SearchEntry.Lead"/>).</summary>
    Document = 2,
}

/// <summary>
/// One searchable item: the text readers see (for snippets) and the same text as Sen's own tokens,
/// exact (NFC, lower case) and folded (no marks, đ→d). Both backends index only the token columns,
/// so SQLite and PostgreSQL match the same words. A row exists only while its source is published.
/// </summary>
public sealed class SearchEntry
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public SearchKind Kind { get; set; }

    public int? CategoryId { get; set; }

    /// <summary>UTC; rows scheduled for later are filtered out by the query, not by the index.</summary>
    public DateTime PublishedAt { get; set; }

    /// <summary>The source article; deleting it deletes this row (cascade).</summary>
    public int? ArticleId { get; set; }

    public Article? Article { get; set; }

    /// <summary>
    /// The source document (Features/Documents). A plain column, no foreign key: adding one would make
    /// SQLite rebuild the table and lose the FTS triggers; documents are never deleted, only taken down,
    /// which removes this row (<see cref="SearchIndexSync"/>).
    /// </summary>
    public int? DocumentId { get; set; }

    public string Title { get; set; } = "";

    public string Lead { get; set; } = "";

    /// <summary>Author for articles; number/symbol ("62-KL/TW") for documents.</summary>
    public string Extra { get; set; } = "";

    /// <summary>Plain text of the body, HTML stripped.</summary>
    public string Body { get; set; } = "";

    public string TitleFolded { get; set; } = "";

    public string LeadFolded { get; set; } = "";

    public string ExtraFolded { get; set; } = "";

    public string BodyFolded { get; set; } = "";

    public string TitleExact { get; set; } = "";

    public string LeadExact { get; set; } = "";
}
