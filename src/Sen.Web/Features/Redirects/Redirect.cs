namespace Sen.Web.Features.Redirects;

/// <summary>
/// An old address that answers 301 with a new one: the pages of a portal Sen replaced
/// ("/Default.aspx?tabid=12&amp;ItemID=345", "/?p=123"), added by an importer or by an editor.
/// </summary>
public sealed class Redirect
{
    public const int PathMaxLength = 400;
    public const int TargetMaxLength = 1000;

    public int Id { get; set; }

    public int SiteId { get; set; }

    /// <summary>The old path and query as <see cref="RedirectPaths.Normalize"/> writes them.</summary>
    public required string OldPath { get; set; }

    /// <summary>A path on this site ("/tin-tuc/bai-viet-12") or an http(s) address.</summary>
    public required string Target { get; set; }

    /// <summary>Who added it: a user's name, or the import command.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>Where it came from: "admin", "import-pages", "import-wordpress".</summary>
    public required string Source { get; set; }

    public DateTime CreatedAt { get; set; }
}
