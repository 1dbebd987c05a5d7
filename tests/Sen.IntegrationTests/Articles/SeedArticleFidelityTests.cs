using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Sen.IntegrationTests.Articles;

/// <summary>The seed article's page, rendered through HTTP, says what the seed page said.</summary>
public abstract partial class SeedArticleFidelityTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string Url = "/cong-tac-dan-van/que-son-hoi-nghi-tong-ket-10-nam-thuc-hien-ket-luan-so-62-kl-tw-cua-bo-chinh-tri-1.html";

    [Fact]
    public async Task Seed_article_page_shows_the_seed_text_in_order()
    {
        factory.RequireProvider();
        var seed = SeedLines();
        var document = await factory.CreateClient().GetDocumentAsync(Url);

        Assert.Equal(seed.Title, document.QuerySelector("h1").Text());
        Assert.Single(document.QuerySelectorAll("h1"));

        var meta = document.QuerySelector(".article-meta").Text();
        Assert.Contains($"Ngày đăng: {seed.Date}", meta, StringComparison.Ordinal);
        var views = ViewsPattern().Match(meta);
        Assert.True(views.Success, meta);
        Assert.True(long.Parse(views.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= seed.Views);

        var body = document.QuerySelector(".article-body")!;
        var paragraphs = body.QuerySelectorAll(":scope > p").Select(p => p.Text()).ToList();
        Assert.Equal(seed.Paragraphs, paragraphs);

        var points = body.QuerySelectorAll("ol > li").Select(li => li.Text()).ToList();
        Assert.Equal(7, points.Count);
        Assert.Equal(seed.Points, points);

        Assert.Equal(seed.Caption, body.QuerySelector("figure figcaption").Text());
        Assert.Equal(seed.Caption, body.QuerySelector("figure img")?.GetAttribute("alt"));

        Assert.Equal(seed.Author, document.QuerySelector(".author").Text());
        var back = document.QuerySelector(".back a");
        Assert.Equal("[Trở về]", back.Text());
        Assert.Equal("/cong-tac-dan-van", back!.GetAttribute("href"));

        // Order on the page: title, date line, body, author, back link.
        var article = document.QuerySelector("article.article")!;
        var order = new[] { "h1", ".article-meta", ".article-body", ".author", ".back" }
            .Select(selector => IndexIn(article, article.QuerySelector(selector)!)).ToList();
        Assert.Equal(order.Order().ToList(), order);
    }

    [Fact]
    public async Task Seed_article_page_has_the_side_menu_links_and_other_articles()
    {
        factory.RequireProvider();
        var document = await factory.CreateClient().GetDocumentAsync(Url);

        var side = document.QuerySelector(".side-menu")!;
        Assert.Equal("Đảng Cộng sản Việt Nam", side.QuerySelector("h2").Text());
        Assert.Equal(
            ["Khóa IX", "Khóa X", "Khóa XI", "Khóa XII", "Khóa XVIII", "Khóa XIX", "Khóa XX", "Khóa XXI"],
            side.QuerySelectorAll("li a").Select(a => a.Text()).ToArray());
        Assert.StartsWith("Xem tất cả", side.QuerySelector(".see-all a").Text(), StringComparison.Ordinal);
        Assert.Equal("Liên kết website", document.QuerySelector("#links-title").Text());
        Assert.NotEmpty(document.QuerySelectorAll(".website-links li a"));
        Assert.Equal("Các tin khác", document.QuerySelector("#other-articles-title").Text());
        Assert.NotEmpty(document.QuerySelectorAll(".other-articles li a"));
        Assert.Contains("Chào mừng bạn đến với Trang thông tin điện tử Đảng Bộ tỉnh Quảng Nam", document.QuerySelector(".welcome").Text(), StringComparison.Ordinal);
    }

    private static int IndexIn(IElement root, IElement element) =>
        root.QuerySelectorAll("*").Index(element);

    private static SeedText SeedLines()
    {
        var lines = SeedFile.Read().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(Html.Normalize).ToList();
        var dateLine = lines.First(l => l.StartsWith("Ngày đăng:", StringComparison.Ordinal));
        var date = DatePattern().Match(dateLine);
        var start = lines.IndexOf(dateLine) + 1;
        var end = lines.FindIndex(l => l.StartsWith("Tác giả:", StringComparison.Ordinal));
        var body = lines.Skip(start).Take(end - start).Where(l => l.Length > 0).ToList();
        var points = body.Where(l => PointPattern().IsMatch(l)).Select(l => PointPattern().Replace(l, "")).ToList();
        var caption = body.Single(l => l.StartsWith("Quang cảnh", StringComparison.Ordinal));
        var paragraphs = body.Where(l => !PointPattern().IsMatch(l) && l != caption).ToList();
        return new SeedText(
            Title: lines.First(l => l.StartsWith("Quế Sơn:", StringComparison.Ordinal)),
            Date: date.Groups[1].Value,
            Views: long.Parse(date.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            Paragraphs: paragraphs,
            Points: points,
            Caption: caption,
            Author: lines[end]);
    }

    private sealed record SeedText(string Title, string Date, long Views, List<string> Paragraphs, List<string> Points, string Caption, string Author);

    [GeneratedRegex(@"Ngày đăng: (\d\d:\d\d \| \d\d/\d\d/\d{4}) Lượt xem: (\d+)")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"Lượt xem: ([\d.]+)")]
    private static partial Regex ViewsPattern();

    [GeneratedRegex(@"^\d+- ")]
    private static partial Regex PointPattern();
}

public sealed class SqliteSeedArticleFidelityTests(SqliteAppFactory factory) : SeedArticleFidelityTests<SqliteAppFactory>(factory);

public sealed class PostgresSeedArticleFidelityTests(PostgresAppFactory factory) : SeedArticleFidelityTests<PostgresAppFactory>(factory);
