namespace Sen.Web.Infrastructure.Http;

/// <summary>Turns away requests no page can answer before they reach routing or the database.</summary>
public static class RequestGuards
{
    public const int MaxPathLength = 1024;
    public const int MaxQueryLength = 2048;

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.Length > MaxPathLength || context.Request.QueryString.Value?.Length > MaxQueryLength)
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                return Task.CompletedTask;
            }

            if (HasControlCharacters(path))
            {
                StatusMessage.Set(context, "Error.BadRequest.Message");
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            return next(context);
        });

    private static bool HasControlCharacters(string path)
    {
        foreach (var c in path)
        {
            if (char.IsControl(c) || c == '\uFFFD')
            {
                return true;
            }
        }

        return false;
    }
}
