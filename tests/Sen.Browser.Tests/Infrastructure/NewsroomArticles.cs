using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>
/// An article made through the newsroom's own forms for the page-type checks: two revisions (so the
/// revision, compare and preview pages have something to show) and one more article in the bin.
/// </summary>
public static class NewsroomArticles
{
    private static readonly HtmlParser Parser = new();
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int? made;

    /// <summary>The id of the article with two revisions; made once per test run.</summary>
    public static async Task<int> EnsureAsync(HttpClient admin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (made is int id)
            {
                return id;
            }

            id = await CreateAsync(admin, "Hội nghị kiểm tra giao diện tòa soạn", cancellationToken);
            await PostFormAsync(admin, $"/admin/bai-viet/{id}", "form.article-form",
                new() { ["BodyHtml"] = "<p>Nội dung đã sửa lần hai, có <strong>chữ đậm</strong>.</p>", ["Lead"] = "Sa-pô đã sửa." }, cancellationToken);
            var binned = await CreateAsync(admin, "Bài trong thùng rác", cancellationToken);
            await PostFormAsync(admin, $"/admin/bai-viet/{binned}", "form[action$='handler=Delete']", [], cancellationToken);
            made = id;
            return id;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<int> CreateAsync(HttpClient admin, string title, CancellationToken cancellationToken)
    {
        var form = await Parser.ParseDocumentAsync(await admin.GetStringAsync(new Uri("/admin/bai-viet/moi", UriKind.Relative), cancellationToken));
        var category = form.QuerySelectorAll<IHtmlOptionElement>("#CategoryId option").First(o => o.Value.Length > 0).Value;
        var location = await PostFormAsync(admin, "/admin/bai-viet/moi", "form.article-form", new()
        {
            ["Title"] = title,
            ["CategoryId"] = category,
            ["Lead"] = "Sa-pô của bài kiểm tra.",
            ["AuthorName"] = "Nguyễn Văn A",
            ["BodyHtml"] = "<p>Nội dung đầu tiên.</p>",
        }, cancellationToken);
        return int.Parse(location["/admin/bai-viet/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Posts the page's form with <paramref name="changes"/>; returns where it redirected.</summary>
    private static async Task<string> PostFormAsync(HttpClient admin, string url, string selector, Dictionary<string, string> changes, CancellationToken cancellationToken)
    {
        var page = await Parser.ParseDocumentAsync(await admin.GetStringAsync(new Uri(url, UriKind.Relative), cancellationToken));
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"{url} has no {selector}");
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            fields[element.GetAttribute("name")!] = element switch
            {
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value ?? "",
                _ => "",
            };
        }

        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        var action = form.GetAttribute("action");
        using var response = await admin.PostAsync(new Uri(string.IsNullOrEmpty(action) ? url : action, UriKind.Relative), content, cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url}: {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }
}
