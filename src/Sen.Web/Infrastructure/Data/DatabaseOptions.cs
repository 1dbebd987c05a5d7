namespace Sen.Web.Infrastructure.Data;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default, embedded) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start. Operators who migrate by hand set it to false.</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>Load the demo content (the seed article and a few more) when the database has no site yet.</summary>
    public bool SeedDemoContent { get; set; } = true;

    /// <summary>
    /// Without Redis: how often a node reads the sites' content stamps, which a command (`sen import …`) run beside
    /// it moves after changing content, to refresh what it caches (zero: never; cached pages then expire on their own
    /// within a minute). With Redis the nodes are told at once instead.
    /// </summary>
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
