using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Media;
using Sen.Web.Infrastructure.Data;
using SixLabors.ImageSharp;

namespace Sen.IntegrationTests.Media;

/// <summary>
/// Uploads are judged by their content: forged files are refused with a message and leave nothing behind;
/// images are stored re-encoded, without metadata, at the responsive widths.
/// </summary>
public abstract class UploadMediaTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    [Theory]
    [MemberData(nameof(MediaForgeries.All), MemberType = typeof(MediaForgeries))]
    public async Task A_forged_upload_is_refused_with_its_message_and_nothing_is_stored(string forgery, string fileName, UploadOutcome outcome, string messageKey)
    {
        await using var host = MediaHost.Start(factory);
        var before = await host.CountAssetsAsync();
        var content = forgery switch
        {
            "a PHP file named .jpg" => Encoding.ASCII.GetBytes("<?php system($_GET['c']); ?>"),
            "an SVG with script" => Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>"""),
            "a PNG claiming 20,000 × 20,000 pixels" => MediaTestFiles.HugePng(20_000, 20_000),
            "a truncated JPEG" => MediaTestFiles.Jpeg(800, 600)[..5000],
            _ => [],
        };

        var result = await host.UploadAsync(content, fileName);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(messageKey, result.MessageKey);
        Assert.Null(result.Asset);
        Assert.Equal(before, await host.CountAssetsAsync());
        Assert.Empty(host.Files());
    }

    [Fact]
    public async Task A_polyglot_is_re_encoded_so_its_script_payload_is_gone()
    {
        await using var host = MediaHost.Start(factory);
        var polyglot = MediaTestFiles.Polyglot();
        Assert.True(MediaTestFiles.Contains(polyglot, "<script>") && MediaTestFiles.Contains(polyglot, "<?php"));

        var result = await host.UploadAsync(polyglot, "anh.jpg");

        Assert.Equal(UploadOutcome.Stored, result.Outcome);
        Assert.NotEmpty(host.Files());
        foreach (var file in host.Files())
        {
            var bytes = host.Read(file);
            Assert.False(MediaTestFiles.Contains(bytes, "<script") || MediaTestFiles.Contains(bytes, "<?php") || MediaTestFiles.Contains(bytes, "<html"), file);
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_while_it_is_read()
    {
        const int limit = 64 * 1024;
        await using var host = MediaHost.Start(factory, maxBytes: limit);
        var before = await host.CountAssetsAsync();
        var endless = new EndlessStream();

        var result = await host.UploadAsync(endless, "video.jpg");

        Assert.Equal(UploadOutcome.TooLarge, result.Outcome);
        Assert.Equal(MediaMessages.TooLarge, result.MessageKey);
        Assert.Equal(0.1, Assert.Single(result.MessageArguments));
        Assert.InRange(endless.BytesRead, limit, limit + (128 * 1024));
        Assert.Equal(before, await host.CountAssetsAsync());
        Assert.Empty(host.Files());
    }

    [Fact]
    public async Task An_image_without_alt_text_is_refused()
    {
        await using var host = MediaHost.Start(factory);

        var result = await host.UploadAsync(MediaTestFiles.Jpeg(100, 80), "anh.jpg", altText: "   ");

        Assert.Equal(UploadOutcome.Invalid, result.Outcome);
        Assert.Equal(MediaMessages.AltTextRequired, result.MessageKey);
        Assert.Empty(host.Files());
    }

    [Fact]
    public async Task A_camera_photo_is_stored_upright_without_exif_gps_or_xmp()
    {
        await using var host = MediaHost.Start(factory);
        var photo = MediaTestFiles.CameraJpeg(1200, 700);
        Assert.True(MediaTestFiles.Contains(photo, MediaTestFiles.CameraMake));

        var result = await host.UploadAsync(photo, "IMG_2041.JPG", altText: "Quang cảnh hội nghị");

        Assert.Equal(UploadOutcome.Stored, result.Outcome);
        var asset = await host.AssetAsync(result.Asset!.Id);
        Assert.Equal((700, 1200), (asset.Width, asset.Height));
        foreach (var variant in asset.Variants)
        {
            var bytes = host.Read(variant.Key);
            Assert.False(MediaTestFiles.Contains(bytes, "Exif") || MediaTestFiles.Contains(bytes, "EXIF") || MediaTestFiles.Contains(bytes, MediaTestFiles.CameraMake) || MediaTestFiles.Contains(bytes, MediaTestFiles.XmpMarker), variant.Key);
            using var image = Image.Load(bytes);
            Assert.Null(image.Metadata.ExifProfile);
            Assert.Null(image.Metadata.XmpProfile);
            Assert.Null(image.Metadata.IccProfile);
            Assert.True(image.Height > image.Width, variant.Key);
        }
    }

    [Fact]
    public async Task An_image_is_stored_at_the_responsive_widths_below_its_own_in_webp_and_jpeg()
    {
        await using var host = MediaHost.Start(factory);

        var result = await host.UploadAsync(MediaTestFiles.Jpeg(2000, 1000), "toan-canh.jpg");

        var asset = await host.AssetAsync(result.Asset!.Id);
        var expected = new[] { 480, 960, 1600, 2000 }
            .SelectMany(w => new[] { $"{asset.Hash}-{w}.jpg", $"{asset.Hash}-{w}.webp" })
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, host.Files());
        Assert.Equal(expected, asset.Variants.Select(v => v.Key).Order(StringComparer.Ordinal));
        Assert.Equal($"{asset.Hash}-2000.jpg", asset.Key);
        foreach (var variant in asset.Variants)
        {
            var info = Image.Identify(host.Read(variant.Key), out var format);
            Assert.Equal((variant.Width, variant.Width / 2), (info.Width, info.Height));
            Assert.Equal(variant.ContentType, format.DefaultMimeType);
        }
    }

    [Fact]
    public async Task A_small_image_is_never_enlarged()
    {
        await using var host = MediaHost.Start(factory);

        var result = await host.UploadAsync(MediaTestFiles.Png(300, 200), "bieu-tuong.png");

        var asset = await host.AssetAsync(result.Asset!.Id);
        Assert.Equal([$"{asset.Hash}-300.jpg", $"{asset.Hash}-300.webp"], host.Files());
        Assert.Equal("image/png", asset.ContentType);
    }

    [Fact]
    public async Task The_same_image_twice_is_one_asset()
    {
        await using var host = MediaHost.Start(factory);
        var image = MediaTestFiles.Jpeg(500, 300);

        var first = await host.UploadAsync(image, "mot.jpg");
        var before = await host.CountAssetsAsync();
        var second = await host.UploadAsync(image, "hai.jpg", altText: "Mô tả khác");

        Assert.Equal(UploadOutcome.Stored, first.Outcome);
        Assert.Equal(UploadOutcome.Reused, second.Outcome);
        Assert.Equal(first.Asset!.Id, second.Asset!.Id);
        Assert.Equal(before, await host.CountAssetsAsync());
        Assert.Equal(4, host.Files().Count);
    }

    [Fact]
    public async Task A_pdf_is_stored_as_it_came_under_a_safe_name()
    {
        await using var host = MediaHost.Start(factory);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

        var result = await host.UploadAsync(pdf, @"C:\Users\vanthu\..\Báo cáo <tổng kết>.php.pdf", altText: null, caption: "Báo cáo năm", declaredType: "text/html");

        Assert.Equal(UploadOutcome.Stored, result.Outcome);
        var asset = await host.AssetAsync(result.Asset!.Id);
        Assert.Equal(MediaKind.File, asset.Kind);
        Assert.Equal("application/pdf", asset.ContentType);
        Assert.Equal("Báo cáo tổng kết.php.pdf", asset.OriginalName);
        Assert.Equal($"{asset.Hash}-bao-cao-tong-ket-php.pdf", asset.Key);
        Assert.Empty(asset.Variants);
        Assert.Equal([asset.Key], host.Files());
        Assert.Equal(pdf, host.Read(asset.Key));
    }

    [Fact]
    public async Task An_upload_is_audited_in_its_own_save()
    {
        await using var host = MediaHost.Start(factory);

        var result = await host.UploadAsync(MediaTestFiles.Jpeg(90, 60), "nhat-ky.jpg", altText: "Nhật ký");

        var asset = await host.AssetAsync(result.Asset!.Id);
        Assert.Equal(MediaHost.WriterId, asset.CreatedById);
        var entry = await host.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditActions.MediaUploaded && a.EntityId == asset.Hash, TestContext.Current.CancellationToken));
        Assert.Equal(MediaHost.WriterId, entry.UserId);
        Assert.Equal("nhat-ky.jpg", entry.Summary);
        Assert.Equal(asset.SiteId, entry.SiteId);
        Assert.Contains("\"AltText\"", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_file_is_served_with_the_immutable_cache_header_and_nosniff()
    {
        await using var host = MediaHost.Start(factory);
        var result = await host.UploadAsync(MediaTestFiles.Jpeg(600, 400), "phuc-vu.jpg");
        var asset = await host.AssetAsync(result.Asset!.Id);
        var webp = asset.Variants.First(v => v.ContentType == "image/webp");
        using var client = host.CreateClient();

        using var response = await client.GetAsync(MediaKeys.Url(webp.Key), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(host.Read(webp.Key), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));

        using var missing = await client.GetAsync(MediaKeys.Url(asset.Hash + "-1.jpg"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Sends bytes for ever, counting what was read: an upload that is never read whole.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'A');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The forged uploads of issue 11 and what each must get.</summary>
public static class MediaForgeries
{
    public static TheoryData<string, string, UploadOutcome, string> All => new()
    {
        { "a PHP file named .jpg", "anh.jpg", UploadOutcome.Unsupported, MediaMessages.Unsupported },
        { "an SVG with script", "logo.svg", UploadOutcome.Unsupported, MediaMessages.Unsupported },
        { "a PNG claiming 20,000 × 20,000 pixels", "ban-do.png", UploadOutcome.Invalid, MediaMessages.TooManyPixels },
        { "a truncated JPEG", "hoi-nghi.jpg", UploadOutcome.Invalid, MediaMessages.Corrupt },
        { "an empty file", "rong.jpg", UploadOutcome.Invalid, MediaMessages.Empty },
    };
}

public sealed class SqliteUploadMediaTests(SqliteAppFactory factory) : UploadMediaTests<SqliteAppFactory>(factory);

public sealed class PostgresUploadMediaTests(PostgresAppFactory factory) : UploadMediaTests<PostgresAppFactory>(factory);
