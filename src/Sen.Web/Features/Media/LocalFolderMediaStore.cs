namespace Sen.Web.Features.Media;

/// <summary>
/// Stored files in one local folder (<see cref="MediaOptions.Path"/>, by default <c>{Sen:DataPath}/media</c>),
/// served as they are at <c>/media/{key}</c> by the static-file middleware.
/// </summary>
public sealed class LocalFolderMediaStore : IMediaStore
{
    public LocalFolderMediaStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);

        // Written under a hidden name (never served: dot files are excluded) and moved into place, so a
        // reader or a crash never meets half a file.
        var temporary = Path.Combine(Root, $".{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous)
            : null;
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>The file of <paramref name="key"/>; a key that is not well formed, or would leave the folder, is a bug of the caller.</summary>
    public string PathOf(string key)
    {
        if (!MediaKeys.IsValid(key))
        {
            throw new ArgumentException($"Not a media key: '{key}'.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!string.Equals(Path.GetDirectoryName(path), Root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Media key '{key}' leaves the media folder.", nameof(key));
        }

        return path;
    }
}
