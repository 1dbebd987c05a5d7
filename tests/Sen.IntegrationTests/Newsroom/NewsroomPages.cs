using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Newsroom;

/// <summary>Driving the newsroom's article pages over HTTP as a signed-in user: forms read from the page, posted with their token.</summary>
public static class NewsroomPages
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new account with <paramref name="role"/> and a client signed in as it (redirects not followed).</summary>
    public static async Task<(TestAccount Account, HttpClient Client)> SignedInAsync(this SenAppFactory factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var account = await factory.CreateAsync(role);
        var client = factory.NewsroomClient();
        using var signedIn = await client.SignInAsync(account.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (account, client);
    }

    public static Task<int> CategoryIdAsync(this SenAppFactory factory, string slug = "xay-dung-dang")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(Ct));
    }

    /// <summary>The fields of a new article in "Xây dựng Đảng", as the form posts them.</summary>
    public static async Task<Dictionary<string, string>> NewFieldsAsync(this SenAppFactory factory, string title) => new()
    {
        ["Title"] = title,
        ["Slug"] = "",
        ["Lead"] = "Sa-pô của bài viết.",
        ["CategoryId"] = (await factory.CategoryIdAsync()).ToString(CultureInfo.InvariantCulture),
        ["AuthorName"] = "Nguyễn Văn A",
        ["AuthorUnit"] = "Ban Tuyên giáo",
        ["CoverImageUrl"] = "",
        ["CoverCaption"] = "",
        ["PublishAt"] = "",
        ["BodyHtml"] = "<p>Nội dung đầu tiên của bài.</p>",
    };

    /// <summary>Creates an article through /admin/bai-viet/moi; returns its id.</summary>
    public static async Task<int> CreateThroughPageAsync(this HttpClient client, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync("/admin/bai-viet/moi", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/bai-viet/", location, StringComparison.Ordinal);
        return int.Parse(location["/admin/bai-viet/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Every field of the form matching <paramref name="selector"/> as the browser would post it (token included).</summary>
    public static Dictionary<string, string> FormFields(this IDocument page, string selector = "form.article-form")
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelector(selector);
        Assert.NotNull(form);
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked)
                    {
                        fields[name] = box.Value;
                    }

                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields[name] = area.Value;
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields[name] = select.Value ?? "";
                    break;
            }
        }

        return fields;
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> as they are (no token added).</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
    }

    /// <summary>GETs the page, then posts the form at <paramref name="selector"/> with <paramref name="changes"/> over its fields.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string selector, Dictionary<string, string>? changes = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector(selector);
        Assert.True(form is not null, $"{pageUrl} has no form {selector}");
        var fields = page.FormFields(selector);
        foreach (var (name, value) in changes ?? [])
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action");
        return await client.PostRawAsync(string.IsNullOrEmpty(action) ? pageUrl : action, fields);
    }

    public static async Task<IDocument> DocumentOfAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Html.Parse(await response.Content.ReadAsStringAsync(Ct));
    }
}
