using Sen.Web.Features.Media;

namespace Sen.Tests.Media;

/// <summary>The local store keeps files in its folder only, and never leaves half a file.</summary>
public sealed class LocalFolderMediaStoreTests : IDisposable
{
    private const string Key = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea-480.webp";

    private readonly string root = Path.Combine(Path.GetTempPath(), "sen-media-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_file_can_be_opened_found_and_deleted()
    {
        var store = new LocalFolderMediaStore(root);
        await store.SaveAsync(Key, new MemoryStream([1, 2, 3]), Ct);

        Assert.True(await store.ExistsAsync(Key, Ct));
        await using (var stream = await store.OpenAsync(Key, Ct))
        {
            using var copy = new MemoryStream();
            await stream!.CopyToAsync(copy, Ct);
            Assert.Equal(new byte[] { 1, 2, 3 }, copy.ToArray());
        }

        Assert.Equal([Path.Combine(root, Key)], Directory.GetFiles(root));
        await store.DeleteAsync(Key, Ct);
        Assert.False(await store.ExistsAsync(Key, Ct));
        Assert.Null(await store.OpenAsync(Key, Ct));
        await store.DeleteAsync(Key, Ct);
    }

    [Fact]
    public async Task A_save_that_fails_midway_leaves_no_file()
    {
        var store = new LocalFolderMediaStore(root);
        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(Key, new FailingStream(), Ct));
        Assert.Empty(Directory.GetFiles(root));
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("sub/inside.jpg")]
    [InlineData(".hidden.jpg")]
    [InlineData("page.html")]
    public async Task Keys_that_are_not_media_keys_are_refused(string key)
    {
        var store = new LocalFolderMediaStore(root);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(key, new MemoryStream([1]), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(key, Ct));
        Assert.Empty(Directory.GetFiles(root));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(root)!, "outside.jpg")));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(new byte[100_000])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 50_000 ? throw new IOException("connection lost") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 40_000)], cancellationToken);
    }
}
