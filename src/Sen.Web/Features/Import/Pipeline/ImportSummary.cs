namespace Sen.Web.Features.Import.Pipeline;

/// <summary>What a run did: counts, each failure with its reason and source, and the notes (drafts for want of a date, missing media).</summary>
public sealed class ImportSummary(string source, bool dryRun)
{
    public string Source { get; } = source;

    public bool DryRun { get; } = dryRun;

    public int Imported { get; internal set; }

    public int Updated { get; internal set; }

    /// <summary>Already imported as they are now, duplicates within the run, or in the newsroom's bin.</summary>
    public int Unchanged { get; internal set; }

    public int Failed => Failures.Count;

    /// <summary>Items read so far, whatever became of them.</summary>
    public int Read { get; internal set; }

    public int Total => Imported + Updated + Unchanged + Failed;

    /// <summary>Links between imported items pointed at their new addresses by the pass at the end.</summary>
    public int LinksRewritten { get; internal set; }

    public bool Cancelled { get; internal set; }

    public TimeSpan Elapsed { get; internal set; }

    public List<ImportFailure> Failures { get; } = [];

    /// <summary>Not failures: the item was imported, with something to check (no date → draft, an image missing).</summary>
    public List<ImportFailure> Notes { get; } = [];
}
