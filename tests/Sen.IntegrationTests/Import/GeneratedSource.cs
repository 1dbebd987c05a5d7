using System.Globalization;
using System.Runtime.CompilerServices;
using Sen.Web.Features.Import.Pipeline;

namespace Sen.IntegrationTests.Import;

/// <summary>Made-up items for the pipeline: <paramref name="count"/> of them, keyed "{name}:{n}", each linking to the next one's old address.</summary>
internal sealed class GeneratedSource(string name, int count, Action<int>? onRead = null, IReadOnlyList<string>? categoryPath = null) : ICountedImportSource
{
    public string Name => name;

    public int Count => count;

    public static string OldPath(string name, int n) => string.Create(CultureInfo.InvariantCulture, $"/Default.aspx?tabid=7&ItemID={n}&src={name}");

    public async IAsyncEnumerable<ImportRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var n = 1; n <= count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            onRead?.Invoke(n);
            var next = OldPath(name, n % count + 1).Replace("&", "&amp;", StringComparison.Ordinal);
            yield return ImportRead.Of(new ImportItem(
                string.Create(CultureInfo.InvariantCulture, $"{name}:{n}"),
                null,
                [OldPath(name, n)],
                string.Create(CultureInfo.InvariantCulture, $"Bài nhập thử số {n} của {name}"),
                new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(n),
                n,
                "Phóng viên",
                string.Create(CultureInfo.InvariantCulture, $"<p>Nội dung bài {n}, xem <a href=\"{next}\">bài sau</a>.</p>"),
                null,
                categoryPath ?? ["Tin nhập thử"],
                ["nhập", "thử"],
                [],
                null,
                Draft: false));
            await Task.CompletedTask;
        }
    }
}
