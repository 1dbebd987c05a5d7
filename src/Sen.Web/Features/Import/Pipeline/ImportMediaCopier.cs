using Sen.Web.Features.Accounts;
using Sen.Web.Features.Media;

namespace Sen.Web.Features.Import.Pipeline;

/// <summary>
/// Copies an item's files into the media store through <see cref="UploadMedia"/> (the same checks by content as an
/// upload in the newsroom, the same re-encoding, the same reuse of identical files), each in its own scope and save:
/// called before the batch's transaction opens, so SQLite's single writer is never asked twice at once.
/// </summary>
internal sealed class ImportMediaCopier(IServiceScopeFactory scopes, Actor actor)
{
    private readonly Dictionary<string, MediaCopy> copied = new(StringComparer.Ordinal);

    public async Task<MediaCopy> CopyAsync(ImportMedia media, string title, bool dryRun, CancellationToken cancellationToken)
    {
        if (media.LocalPath is not { } path || !File.Exists(path))
        {
            return MediaCopy.Missing($"Thiếu tệp / missing file: {media.LocalPath ?? media.Reference}");
        }

        if (dryRun)
        {
            return new MediaCopy(media.Reference, null);
        }

        var full = Path.GetFullPath(path);
        if (copied.TryGetValue(full, out var known))
        {
            return known;
        }

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(actor);
            var upload = scope.ServiceProvider.GetRequiredService<UploadMedia>();
            var stream = File.OpenRead(full);
            await using (stream.ConfigureAwait(false))
            {
                var alt = FirstText(media.AltText, media.Caption, title);
                var result = await upload.HandleAsync(new UploadMedia.Command(stream, Path.GetFileName(full), null, alt, media.Caption), cancellationToken).ConfigureAwait(false);
                var copy = result.Succeeded
                    ? new MediaCopy(result.Asset!.Url, null)
                    : MediaCopy.Missing($"Tệp không nhận được / file refused ({result.MessageKey}): {media.LocalPath}");
                copied[full] = copy;
                return copy;
            }
        }
    }

    private static string FirstText(params string?[] texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim() ?? "";
}

/// <summary>The copied file's address, or why there is none.</summary>
internal sealed record MediaCopy(string? Url, string? Problem)
{
    public static MediaCopy Missing(string problem) => new(null, problem);
}
