using System.Security.Cryptography;
using System.Text.Json;

namespace Sen.Web.Features.Backup;

/// <summary>
/// manifest.json, the last entry of a backup archive: what the archive holds and each file's SHA-256,
/// so a restore can refuse an archive that was cut short or changed.
/// </summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, string Provider, IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string SqliteEntry = "database/sen.db";
    public const string PostgresEntry = "database/sen.pgdump";
    public const string MediaPrefix = "media/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest in <paramref name="json"/>, or null when it is not one.</summary>
    public static BackupManifest? TryRead(byte[] json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Files: not null, Provider: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static async Task<(string Sha256, long Size)> HashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return (Convert.ToHexStringLower(hash), stream.Length);
        }
    }
}

/// <summary>One file of the archive: its entry name, size in bytes and SHA-256 (lower-case hex).</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);
