using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Media;

/// <summary>
/// Stores an upload of the current site: an image (re-encoded, <see cref="MediaImages"/>) or a file kept as
/// it is, with the asset row and its audit entry in one save. What it is comes from the content alone
/// (<see cref="MediaSniffer"/>). Refused uploads leave nothing behind: no row, no file.
/// </summary>
public sealed class UploadMedia(
    SenDbContext db,
    SiteContext siteContext,
    CurrentUser currentUser,
    AuditLog audit,
    IMediaStore store,
    MediaImages images,
    IOptions<MediaOptions> options,
    TimeProvider clock)
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>The file name and declared type are kept for display only; neither decides anything.</summary>
    public sealed record Command(Stream Content, string? FileName, string? DeclaredContentType, string? AltText, string? Caption);

    public async Task<UploadResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var maxBytes = options.Value.MaxBytes;
        var content = await UploadedBytes.ReadAtMostAsync(command.Content, maxBytes, cancellationToken).ConfigureAwait(false);
        if (content is not { } bytes)
        {
            return UploadResult.Refused(UploadOutcome.TooLarge, MediaMessages.TooLarge, Math.Round(maxBytes / Megabyte, 1));
        }

        if (bytes.IsEmpty)
        {
            return UploadResult.Refused(UploadOutcome.Invalid, MediaMessages.Empty);
        }

        var format = MediaSniffer.Sniff(bytes);
        if (format is null)
        {
            return UploadResult.Refused(UploadOutcome.Unsupported, MediaMessages.Unsupported);
        }

        var altText = MediaText.Line(command.AltText, MediaText.MaxAltTextLength);
        if (format.IsImage && altText.Length == 0)
        {
            return UploadResult.Refused(UploadOutcome.Invalid, MediaMessages.AltTextRequired);
        }

        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        var existing = await MediaItem.From(db.MediaAssets.AsNoTracking().Where(a => a.SiteId == site.Id && a.Hash == hash))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return new UploadResult(UploadOutcome.Reused, existing, null, []);
        }

        var name = MediaText.DisplayName(command.FileName);
        var asset = new MediaAsset
        {
            SiteId = site.Id,
            Kind = format.Kind,
            OriginalName = name,
            ContentType = format.ContentType,
            Bytes = bytes.Length,
            Hash = hash,
            Key = "",
            AltText = altText,
            Caption = MediaText.Line(command.Caption, MediaText.MaxCaptionLength),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = currentUser.Actor.UserId,
        };
        asset.SearchText = MediaText.SearchText(asset.OriginalName, asset.AltText, asset.Caption);

        IReadOnlyList<PreparedFile> files;
        if (format.IsImage)
        {
            var prepared = images.Prepare(bytes, format, hash);
            if (prepared.Image is not { } image)
            {
                return UploadResult.Refused(UploadOutcome.Invalid, prepared.ProblemKey!, [.. prepared.ProblemArguments]);
            }

            files = image.Files;
            asset.Width = image.Width;
            asset.Height = image.Height;
            asset.Variants = [.. files.Select(f => new MediaVariant { Key = f.Key, ContentType = f.ContentType, Width = f.Width, Height = f.Height, Bytes = f.Bytes.Length })];
            asset.Key = files.Last(f => f.ContentType == MediaFormat.Jpeg.ContentType).Key;
        }
        else
        {
            asset.Key = MediaKeys.File(hash, name, format);
            files = [new PreparedFile(asset.Key, format.ContentType, 0, 0, bytes.ToArray())];
        }

        return await StoreAsync(asset, files, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadResult> StoreAsync(MediaAsset asset, IReadOnlyList<PreparedFile> files, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var saved = false;
        try
        {
            foreach (var file in files)
            {
                // Named by content: a file already there (the same upload on another site) is the same bytes.
                if (!await store.ExistsAsync(file.Key, cancellationToken).ConfigureAwait(false))
                {
                    written.Add(file.Key);
                    await store.SaveAsync(file.Key, new MemoryStream(file.Bytes, writable: false), cancellationToken).ConfigureAwait(false);
                }
            }

            db.MediaAssets.Add(asset);
            audit.Record(AuditActions.MediaUploaded, nameof(MediaAsset), asset.Hash, asset.OriginalName, db.Entry(asset), asset.SiteId);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            saved = true;
        }
        catch (DbUpdateException)
        {
            await RemoveUnusedAsync(written).ConfigureAwait(false);
            if (await FindAsync(asset.SiteId, asset.Hash).ConfigureAwait(false) is { } raced)
            {
                // The same upload was stored at the same moment by someone else.
                return new UploadResult(UploadOutcome.Reused, raced, null, []);
            }

            throw;
        }
        finally
        {
            if (!saved)
            {
                await RemoveUnusedAsync(written).ConfigureAwait(false);
            }
        }

        var stored = await FindAsync(asset.SiteId, asset.Hash).ConfigureAwait(false);
        return new UploadResult(UploadOutcome.Stored, stored, null, []);
    }

    private Task<MediaItem?> FindAsync(int siteId, string hash) =>
        MediaItem.From(db.MediaAssets.AsNoTracking().Where(a => a.SiteId == siteId && a.Hash == hash)).FirstOrDefaultAsync(CancellationToken.None);

    // Files this upload wrote, unless a committed asset (of any site) names them: the upload was refused
    // or cancelled after writing, and must leave nothing behind. Not cancellable: it is the clean-up.
    private async Task RemoveUnusedAsync(List<string> written)
    {
        db.ChangeTracker.Clear();
        if (written.Count == 0)
        {
            return;
        }

        var used = await db.MediaAssets.AsNoTracking().Where(a => written.Contains(a.Key)).Select(a => a.Key)
            .Union(db.Set<MediaVariant>().AsNoTracking().Where(v => written.Contains(v.Key)).Select(v => v.Key))
            .ToListAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var key in written.Except(used, StringComparer.Ordinal))
        {
            await store.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }

        written.Clear();
    }
}

public enum UploadOutcome
{
    /// <summary>A new asset.</summary>
    Stored,

    /// <summary>The site already had this exact upload; that asset is returned.</summary>
    Reused,

    /// <summary>Over Media:MaxBytes (HTTP 413).</summary>
    TooLarge,

    /// <summary>Not a kind Sen accepts, whatever its name says (HTTP 415).</summary>
    Unsupported,

    /// <summary>Of an accepted kind but unusable: corrupt, truncated, too many pixels, no alt text (HTTP 400).</summary>
    Invalid,
}

/// <summary>The outcome; for a refusal, the message key (<see cref="MediaMessages"/>) and its arguments.</summary>
public sealed record UploadResult(UploadOutcome Outcome, MediaItem? Asset, string? MessageKey, IReadOnlyList<object> MessageArguments)
{
    public bool Succeeded => Outcome is UploadOutcome.Stored or UploadOutcome.Reused;

    public static UploadResult Refused(UploadOutcome outcome, string messageKey, params object[] arguments) =>
        new(outcome, null, messageKey, arguments);
}
