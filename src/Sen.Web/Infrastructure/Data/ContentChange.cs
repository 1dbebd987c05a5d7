namespace Sen.Web.Infrastructure.Data;

/// <summary>
/// What one save (or one bulk write) changes for readers, collected by the <see cref="IContentChangeRule"/>s:
/// the cached pages to evict, by tag, and the in-memory views to refresh. Acted on once, after it commits.
/// </summary>
public sealed class ContentChange
{
    internal HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    internal HashSet<Action> Refreshes { get; } = [];

    /// <summary>Evict the cached pages carrying this tag.</summary>
    public void Evict(string tag) => Tags.Add(tag);

    /// <summary>Run this once the change is committed (the same action is run once however often it is asked for).</summary>
    public void Refresh(Action refresh) => Refreshes.Add(refresh);
}
