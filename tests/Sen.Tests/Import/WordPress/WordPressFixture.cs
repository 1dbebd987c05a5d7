using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Features.Import.WordPress;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Sen.Tests.Import.WordPress;

/// <summary>The WordPress exports in Fixtures/wordpress and an uploads folder of real (tiny) JPEGs beside them.</summary>
internal sealed class WordPressFixture : IDisposable
{
    public WordPressFixture()
    {
        Uploads = Path.Combine(Path.GetTempPath(), "sen-wp-uploads-" + Guid.NewGuid().ToString("N"));
        // lam-duong.jpg is left out on purpose: the missing upload.
        Jpeg("2019/10/hoi-nghi.jpg");
        Jpeg("2019/10/hoi-nghi-300x200.jpg");
        Jpeg("2019/11/dan-van.jpg");
    }

    public string Uploads { get; }

    public static string Export(string name = "export.xml") => Path.Combine(AppContext.BaseDirectory, "Fixtures", "wordpress", name);

    public static async Task<List<ImportRead>> ReadAllAsync(WordPressExportSource source)
    {
        var reads = new List<ImportRead>();
        await foreach (var read in source.ReadAsync(TestContext.Current.CancellationToken))
        {
            reads.Add(read);
        }

        return reads;
    }

    public void Dispose() => Directory.Delete(Uploads, recursive: true);

    private void Jpeg(string relative)
    {
        var path = Path.Combine(Uploads, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new Image<Rgb24>(12, 8, new Rgb24(200, 30, 30));
        image.SaveAsJpeg(path);
    }
}
