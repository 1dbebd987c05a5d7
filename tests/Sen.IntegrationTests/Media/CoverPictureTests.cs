using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Media;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Media;

/// <summary>An article whose cover is a stored image shows it as a responsive picture; other covers are shown as before.</summary>
public abstract class CoverPictureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_cover_is_a_picture_with_webp_and_jpeg_sources_and_follows_its_alt_text()
    {
        await using var host = MediaHost.Start(factory);
        var upload = await host.UploadAsync(MediaTestFiles.Jpeg(2000, 1000), "bia.jpg", altText: "Toàn cảnh lễ mít tinh");
        var hash = (await host.AssetAsync(upload.Asset!.Id)).Hash;
        var url = await SetCoverAsync(host, index: 5, MediaKeys.Url($"{hash}-960.webp"));
        using var client = host.CreateClient();

        var document = await client.GetDocumentAsync(url);

        var picture = document.QuerySelector("figure.cover picture");
        Assert.NotNull(picture);
        var source = picture.QuerySelector("source")!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal(Srcset(hash, "webp"), source.GetAttribute("srcset"));
        Assert.Equal(ResponsiveImage.ArticleSizes, source.GetAttribute("sizes"));
        var img = picture.QuerySelector("img")!;
        Assert.Equal($"/media/{hash}-960.jpg", img.GetAttribute("src"));
        Assert.Equal(Srcset(hash, "jpg"), img.GetAttribute("srcset"));
        Assert.Equal(("2000", "1000"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("Toàn cảnh lễ mít tinh", img.GetAttribute("alt"));

        await host.InScopeAsync(sp => sp.GetRequiredService<UpdateMediaText>().HandleAsync(new UpdateMediaText.Command(upload.Asset.Id, "Lễ mít tinh kỷ niệm", null), Ct));
        var changed = await client.GetDocumentAsync(url);
        Assert.Equal("Lễ mít tinh kỷ niệm", changed.QuerySelector("figure.cover picture img")?.GetAttribute("alt"));
    }

    [Fact]
    public async Task Any_other_cover_keeps_its_plain_image()
    {
        await using var host = MediaHost.Start(factory);
        var url = await SetCoverAsync(host, index: 6, "/img/anh-bia.jpg");
        using var client = host.CreateClient();

        var document = await client.GetDocumentAsync(url);

        Assert.Null(document.QuerySelector("figure.cover picture"));
        var img = document.QuerySelector("figure.cover > img")!;
        Assert.Equal("/img/anh-bia.jpg", img.GetAttribute("src"));
        Assert.Equal(("800", "450"), (img.GetAttribute("width"), img.GetAttribute("height")));
    }

    private static string Srcset(string hash, string extension) =>
        string.Join(", ", new[] { 480, 960, 1600, 2000 }.Select(w => $"/media/{hash}-{w}.{extension} {w}w"));

    private static Task<string> SetCoverAsync(MediaHost host, int index, string coverUrl) =>
        host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var article = await db.Articles.Include(a => a.Category)
                .Where(a => a.Status == ArticleStatus.Published)
                .OrderBy(a => a.Id)
                .Skip(index)
                .FirstAsync(Ct);
            article.CoverImageUrl = coverUrl;
            await db.SaveChangesAsync(Ct);
            return ArticleUrls.Article(article.Category!.Slug, article.Slug, article.Id);
        });
}

public sealed class SqliteCoverPictureTests(SqliteAppFactory factory) : CoverPictureTests<SqliteAppFactory>(factory);

public sealed class PostgresCoverPictureTests(PostgresAppFactory factory) : CoverPictureTests<PostgresAppFactory>(factory);
