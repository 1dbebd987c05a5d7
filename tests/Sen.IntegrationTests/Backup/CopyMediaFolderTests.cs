using System.Security.Cryptography;
using Sen.Web.Features.Backup;
using Sen.Web.Infrastructure.Cli;

namespace Sen.IntegrationTests.Backup;

/// <summary>`sen db copy --media-from A --media-to B`: every stored file arrives identical, and a second run copies nothing.</summary>
public sealed class CopyMediaFolderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "sen-tests", $"media-copy-{Guid.NewGuid():N}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string From => Path.Combine(root, "from");

    private string To => Path.Combine(root, "to");

    [Fact]
    public async Task Every_media_file_arrives_identical_and_nothing_else_does()
    {
        var files = WriteMedia(("3f2a-anh-hoi-nghi.jpg", 200_000), ("3f2a-640.webp", 30_000), ("9b1c-nghi-quyet.pdf", 1_000));
        await File.WriteAllTextAsync(Path.Combine(From, "notes.txt"), "không phải media", Ct);
        var reports = new List<WorkProgress>();

        var result = await CopyMediaFolder.HandleAsync(From, To, new Recorder(reports), Ct);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(3, result.Copied);
        foreach (var (name, hash) in files)
        {
            Assert.Equal(hash, Sha256(Path.Combine(To, name)));
        }

        Assert.False(File.Exists(Path.Combine(To, "notes.txt")));
        Assert.Empty(Directory.EnumerateFiles(To, "*.tmp"));
        Assert.Equal(new WorkProgress(BackupStages.Files, 3, 3), reports[^1]);
    }

    [Fact]
    public async Task A_second_run_copies_only_what_is_missing_or_different()
    {
        var files = WriteMedia(("aa11-mot.jpg", 5_000), ("bb22-hai.jpg", 5_000));
        Assert.True((await CopyMediaFolder.HandleAsync(From, To, null, Ct)).Succeeded);
        await File.WriteAllBytesAsync(Path.Combine(To, "bb22-hai.jpg"), [1, 2, 3], Ct);

        var again = await CopyMediaFolder.HandleAsync(From, To, null, Ct);

        Assert.Equal((1, 1), (again.Copied, again.Unchanged));
        Assert.Equal(files["bb22-hai.jpg"], Sha256(Path.Combine(To, "bb22-hai.jpg")));
    }

    [Fact]
    public async Task A_missing_or_identical_folder_is_refused_with_a_message()
    {
        var missing = await CopyMediaFolder.HandleAsync(Path.Combine(root, "none"), To, null, Ct);
        Directory.CreateDirectory(From);
        var same = await CopyMediaFolder.HandleAsync(From, From + Path.DirectorySeparatorChar, null, Ct);

        Assert.Contains("Không có thư mục media", missing.Problem, StringComparison.Ordinal);
        Assert.Contains("là một", same.Problem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private Dictionary<string, string> WriteMedia(params (string Name, int Length)[] files)
    {
        Directory.CreateDirectory(From);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, length) in files)
        {
            var bytes = RandomNumberGenerator.GetBytes(length);
            File.WriteAllBytes(Path.Combine(From, name), bytes);
            hashes[name] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        return hashes;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private sealed class Recorder(List<WorkProgress> reports) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value) => reports.Add(value);
    }
}
