using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Polls;

/// <summary>The JSON the sidebar script gets back from a vote: a message, and the results when counted.</summary>
public static class PollJson
{
    public sealed record Response(string Message, PollResults? Results = null);

    /// <summary>The script asks for JSON (Accept: application/json); a plain form gets a page.</summary>
    public static bool Wanted(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
    }

    public static Task WriteMessageAsync(HttpContext http, int status, string messageKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        http.Response.StatusCode = status;
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new Response(text[messageKey].Value), cancellationToken);
    }
}
