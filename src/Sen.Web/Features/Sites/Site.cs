namespace Sen.Web.Features.Sites;

/// <summary>
/// A portal served by Sen, with its settings. Every content row carries a SiteId so that district
/// and department sub-sites can live beside the provincial portal in one database.
/// </summary>
public sealed class Site
{
    public int Id { get; set; }

    /// <summary>Short stable key, e.g. "tinh-uy"; the default site is "default".</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string WelcomeLine { get; set; } = "";

    public string FooterAgency { get; set; } = "";

    public string FooterAddress { get; set; } = "";

    public string FooterPhone { get; set; } = "";

    public string FooterEmail { get; set; } = "";

    public string LicenceLine { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Moved by a process that changed content without the serving nodes seeing it (a command run without Redis);
    /// nodes compare it every <see cref="Infrastructure.Data.DatabaseOptions.ChangePollInterval"/> (<see cref="Infrastructure.Cluster.ContentStamps"/>).
    /// </summary>
    public long ContentStamp { get; set; }
}
