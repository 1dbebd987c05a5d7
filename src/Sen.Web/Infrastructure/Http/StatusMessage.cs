namespace Sen.Web.Infrastructure.Http;

/// <summary>
/// What the status page says about a refused request: whoever refuses it (a request guard, a page
/// model) names a resource key, and the re-executed status page shows that message.
/// </summary>
public static class StatusMessage
{
    private const string Item = "Sen.ErrorMessageKey";

    public static void Set(HttpContext context, string messageKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Item] = messageKey;
    }

    /// <summary>The key set for this request, or null when none was.</summary>
    public static string? Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[Item] as string;
    }
}
