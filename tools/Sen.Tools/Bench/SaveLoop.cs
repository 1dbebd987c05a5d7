using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sen.Tools.Bench;

/// <summary>
/// `sen-tools bench save --url http://127.0.0.1:5181 --invitation /admin/loi-moi/TOKEN --article 42`: an editor
/// saving an article through the newsroom's own form, over HTTP, every second until stopped (used by bench/run.sh
/// to measure the public article page while the newsroom writes). It accepts the invitation (which signs in),
/// then loops: open the edit page, change the lead, post the form with its antiforgery token and base revision.
/// </summary>
public static class SaveLoop
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Địa chỉ Sen. / Sen's base URL.", Required = true };
        var invitation = new Option<string>("--invitation") { Description = "Đường dẫn lời mời (sen user add). / Invitation path or link.", Required = true };
        var article = new Option<int>("--article") { Description = "Mã bài viết cần lưu. / Article id to save.", Required = true };
        var interval = new Option<int>("--interval-ms") { Description = "Khoảng cách giữa hai lần lưu. / Milliseconds between saves.", DefaultValueFactory = _ => 1000 };
        var command = new Command("save", "Lưu một bài viết đều đặn qua tòa soạn. / Save an article through the newsroom at a steady rate.")
        {
            url, invitation, article, interval,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var baseUrl = new Uri(parse.GetValue(url)!, UriKind.Absolute);
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
            var invitationPath = new Uri(baseUrl, parse.GetValue(invitation)!).PathAndQuery;
            var password = "Bench-" + Guid.NewGuid().ToString("N");
            using var accepted = await PostFormAsync(http, invitationPath, "form", new() { ["Password"] = password, ["ConfirmPassword"] = password }, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(accepted))
            {
                await Console.Error.WriteLineAsync($"Không nhận được lời mời / invitation refused: {(int)accepted.StatusCode}").ConfigureAwait(false);
                return 1;
            }

            // bench/run.sh stops the loop with SIGTERM; it ends the loop (and prints the summary) instead of the process.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            return await LoopAsync(http, parse.GetValue(article), TimeSpan.FromMilliseconds(parse.GetValue(interval)), stop.Token).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> LoopAsync(HttpClient http, int articleId, TimeSpan interval, CancellationToken cancellationToken)
    {
        var editPath = $"/admin/bai-viet/{articleId}";
        var times = new List<double>();
        var failures = 0;
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                var started = Stopwatch.GetTimestamp();
                var lead = string.Create(CultureInfo.InvariantCulture, $"Bản lưu thử số {times.Count + failures + 1} lúc {DateTime.UtcNow:HH:mm:ss}.");
                using var response = await PostFormAsync(http, editPath, "form.article-form", new() { ["Lead"] = lead }, cancellationToken).ConfigureAwait(false);
                if (IsRedirect(response))
                {
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"save answered {(int)response.StatusCode}").ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped by the bench (SIGINT/SIGTERM): report what was done.
        }

        times.Sort();
        var median = times.Count == 0 ? 0 : times[times.Count / 2];
        var worst = times.Count == 0 ? 0 : times[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"saves={times.Count} failures={failures} median_ms={median:F1} max_ms={worst:F1}"));
        return failures == 0 ? 0 : 1;
    }

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    /// <summary>GETs the page, takes every named field of the form (hidden token and base revision included), overrides some, POSTs it back.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, string formSelector, Dictionary<string, string> overrides, CancellationToken cancellationToken)
    {
        var html = await http.GetStringAsync(path, cancellationToken).ConfigureAwait(false);
        var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken).ConfigureAwait(false);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"no {formSelector} on {path}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false } => (null, null),
                IHtmlInputElement input => (input.Name, input.Value),
                IHtmlTextAreaElement area => (area.Name, area.Value),
                IHtmlSelectElement select => (select.Name, select.Value),
                _ => (null, null),
            };
            if (!string.IsNullOrEmpty(name) && !overrides.ContainsKey(name))
            {
                fields.Add(new(name, value ?? ""));
            }
        }

        fields.AddRange(overrides);
        using var content = new FormUrlEncodedContent(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
        return await http.PostAsync(action, content, cancellationToken).ConfigureAwait(false);
    }
}
