#:sdk Microsoft.NET.Sdk.Web
// The floor for any ASP.NET Core node on this machine: Kestrel alone, answering GET /NAME.html with the bytes of
// NAME.html from the folder given as the first argument, read once into memory, written as Sen's fast path writes a
// ready page (start the response, then the body into the pipe). bench/ab.sh runs it beside nginx with FLOOR=1.
//
//   dotnet build bench/floor/kestrel-floor.cs -c Release -o /tmp/floor && dotnet /tmp/floor/kestrel-floor.dll DIR --urls http://127.0.0.1:5194
using System.Collections.Frozen;

var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
var app = builder.Build();
var pages = Directory.GetFiles(args[0], "*.html").ToFrozenDictionary(f => "/" + Path.GetFileName(f), File.ReadAllBytes);
app.Run(async context =>
{
    if (!pages.TryGetValue(context.Request.Path.Value ?? "", out var body))
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    context.Response.ContentType = "text/html";
    context.Response.ContentLength = body.Length;
    await context.Response.StartAsync().ConfigureAwait(false);
    await context.Response.BodyWriter.WriteAsync(body).ConfigureAwait(false);
});
await app.RunAsync().ConfigureAwait(false);
