using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Sen.Web.Features.Import.Pipeline;

namespace Sen.Web.Features.Import.Pages;

/// <summary>
/// A folder of pages saved from an old portal (`sen import pages FOLDER`): every .htm/.html/.aspx/.php file under it,
/// in path order, except the "_files" folders browsers save beside each page. Pages are parsed a few at a time on the
/// other cores while the pipeline writes the previous ones, and handed over in order.
/// </summary>
public sealed class SavedPagesSource : ICountedImportSource
{
    public const string SourceName = "import-pages";

    private const int ChunkSize = 32;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".htm", ".html", ".shtml", ".aspx", ".asp", ".php", ".jsp" };

    private readonly string root;
    private readonly PageSelectors selectors;
    private readonly Lazy<IReadOnlyList<string>> files;

    public SavedPagesSource(string folder, PageSelectors selectors)
    {
        root = Path.GetFullPath(folder);
        this.selectors = selectors;
        files = new Lazy<IReadOnlyList<string>>(() => Find(root));
    }

    public string Name => SourceName;

    public int Count => files.Value.Count;

    public async IAsyncEnumerable<ImportRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<ImportRead>(new BoundedChannelOptions(4 * ChunkSize) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var read in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return read;
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(producer).ConfigureAwait(false);
        }
    }

    private async Task ProduceAsync(ChannelWriter<ImportRead> writer, CancellationToken cancellationToken)
    {
        Exception? cancelled = null;
        try
        {
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            foreach (var chunk in files.Value.Chunk(ChunkSize))
            {
                var reads = new ImportRead[chunk.Length];
                Parallel.For(0, chunk.Length, parallel, i => reads[i] = ReadOne(chunk[i]));
                foreach (var read in reads)
                {
                    await writer.WriteAsync(read, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException e)
        {
            cancelled = e;
        }
        finally
        {
            writer.TryComplete(cancelled);
        }
    }

    private ImportRead ReadOne(string file)
    {
        var key = Path.GetRelativePath(root, file).Replace('\\', '/');
        try
        {
            return SavedPageReader.Read(file, key, selectors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or AngleSharp.Dom.DomException or ArgumentException)
        {
            return ImportRead.Failed(key, e.Message);
        }
    }

    private static List<string> Find(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Where(f => !Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/').Any(part => part.EndsWith("_files", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)];
}
