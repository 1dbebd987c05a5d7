using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Media;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Media;

/// <summary>The library lists the site's assets newest first and finds them without diacritics; alt text stays required.</summary>
public abstract class MediaLibraryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_library_finds_assets_by_name_alt_text_or_caption_without_diacritics_newest_first()
    {
        await using var host = MediaHost.Start(factory);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var square = await host.UploadAsync(MediaTestFiles.Jpeg(50, 40), $"{marker}-a.jpg", altText: "Quảng trường Đông Kinh Nghĩa Thục");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var meeting = await host.UploadAsync(MediaTestFiles.Jpeg(51, 40), $"{marker}-b.jpg", altText: "Hội nghị", caption: "Đại biểu dự hội nghị tại quảng trường");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.UploadAsync(MediaTestFiles.Jpeg(52, 40), $"{marker}-c.jpg", altText: "Cầu Rồng");

        var found = await QueryAsync(host, new MediaLibrary.Query($"{marker} QUANG truong"));
        Assert.Equal([meeting.Asset!.Id, square.Asset!.Id], found.Items.Select(i => i.Id));
        Assert.Equal(2, found.Total);

        var dong = await QueryAsync(host, new MediaLibrary.Query($"dong kinh {marker}"));
        Assert.Equal(square.Asset.Id, Assert.Single(dong.Items).Id);
        Assert.StartsWith("/media/", dong.Items[0].ThumbnailUrl, StringComparison.Ordinal);
        Assert.EndsWith("-50.webp", dong.Items[0].ThumbnailUrl, StringComparison.Ordinal);

        var paged = await QueryAsync(host, new MediaLibrary.Query(marker, Page: 2, PageSize: 2));
        Assert.Equal(3, paged.Total);
        Assert.Equal(2, paged.PageCount);
        Assert.Equal(square.Asset.Id, Assert.Single(paged.Items).Id);
    }

    [Fact]
    public async Task The_library_shows_only_the_current_sites_assets()
    {
        await using var host = MediaHost.Start(factory);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var mine = await host.UploadAsync(MediaTestFiles.Jpeg(53, 40), $"{marker}.jpg");
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var other = new Sen.Web.Features.Sites.Site { Key = "huyen-" + marker, Name = "Huyện ủy" };
            db.Sites.Add(other);
            await db.SaveChangesAsync(Ct);
            var asset = await db.MediaAssets.SingleAsync(a => a.Id == mine.Asset!.Id, Ct);
            db.MediaAssets.Add(new MediaAsset
            {
                SiteId = other.Id,
                Kind = MediaKind.Image,
                OriginalName = $"{marker}-khac.jpg",
                ContentType = "image/jpeg",
                Hash = asset.Hash,
                Key = asset.Key,
                AltText = "Ảnh của trang khác",
                SearchText = marker,
                CreatedAt = asset.CreatedAt,
            });
            return await db.SaveChangesAsync(Ct);
        });

        var found = await QueryAsync(host, new MediaLibrary.Query(marker));
        Assert.Equal(mine.Asset!.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task Alt_text_and_caption_can_be_changed_but_an_images_alt_text_not_emptied()
    {
        await using var host = MediaHost.Start(factory);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var uploaded = await host.UploadAsync(MediaTestFiles.Jpeg(54, 40), $"{marker}.jpg", altText: "Ảnh cũ");
        var id = uploaded.Asset!.Id;

        var emptied = await UpdateAsync(host, new UpdateMediaText.Command(id, " ", "Chú thích"));
        Assert.Equal(MediaMessages.AltTextRequired, emptied.MessageKey);
        Assert.Equal("Ảnh cũ", (await host.AssetAsync(id)).AltText);

        var saved = await UpdateAsync(host, new UpdateMediaText.Command(id, "  Lễ  khánh thành   cầu ", "Chú thích mới"));
        Assert.Equal(SaveResult.Saved, saved.Saved);
        var asset = await host.AssetAsync(id);
        Assert.Equal(("Lễ khánh thành cầu", "Chú thích mới"), (asset.AltText, asset.Caption));
        Assert.Equal(id, Assert.Single((await QueryAsync(host, new MediaLibrary.Query($"{marker} khanh thanh"))).Items).Id);
        Assert.True(await host.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries
            .AnyAsync(a => a.Action == AuditActions.MediaChanged && a.EntityId == asset.Hash && a.UserId == MediaHost.WriterId, Ct)));

        var missing = await UpdateAsync(host, new UpdateMediaText.Command(int.MaxValue, "x", null));
        Assert.Equal(SaveResult.NotFound, missing.Saved);
    }

    private static Task<MediaLibrary.Result> QueryAsync(MediaHost host, MediaLibrary.Query query) =>
        host.InScopeAsync(sp => sp.GetRequiredService<MediaLibrary>().HandleAsync(query, Ct));

    private static Task<UpdateMediaText.Result> UpdateAsync(MediaHost host, UpdateMediaText.Command command) =>
        host.InScopeAsync(sp => sp.GetRequiredService<UpdateMediaText>().HandleAsync(command, Ct));
}

public sealed class SqliteMediaLibraryTests(SqliteAppFactory factory) : MediaLibraryTests<SqliteAppFactory>(factory);

public sealed class PostgresMediaLibraryTests(PostgresAppFactory factory) : MediaLibraryTests<PostgresAppFactory>(factory);
