using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Media;

/// <summary>Changes an asset's alt text and caption; pages showing the asset are evicted (<see cref="MediaAssetChangeRule"/>).</summary>
public sealed class UpdateMediaText(SenDbContext db, SiteContext siteContext, AuditLog audit)
{
    public sealed record Command(int MediaAssetId, string? AltText, string? Caption);

    /// <summary>Saved, or the message key of why not (<see cref="MediaMessages"/>).</summary>
    public sealed record Result(SaveResult? Saved, string? MessageKey)
    {
        public static readonly Result NotFound = new(SaveResult.NotFound, MediaMessages.NotFound);
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var asset = await db.MediaAssets.FirstOrDefaultAsync(a => a.Id == command.MediaAssetId && a.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (asset is null)
        {
            return Result.NotFound;
        }

        var altText = MediaText.Line(command.AltText, MediaText.MaxAltTextLength);
        if (asset.Kind == MediaKind.Image && altText.Length == 0)
        {
            return new Result(null, MediaMessages.AltTextRequired);
        }

        asset.AltText = altText;
        asset.Caption = MediaText.Line(command.Caption, MediaText.MaxCaptionLength);
        asset.SearchText = MediaText.SearchText(asset.OriginalName, asset.AltText, asset.Caption);
        var entry = db.Entry(asset);
        if (entry.State == EntityState.Modified)
        {
            audit.Record(AuditActions.MediaChanged, nameof(MediaAsset), asset.Hash, asset.OriginalName, entry, site.Id);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new Result(SaveResult.Saved, null);
    }
}
