using System.Text;
using System.Xml;

namespace Sen.Web.Features.Seo;

/// <summary>Writes an XML document straight to the response, as it is read from the database (no document in memory).</summary>
internal static class XmlResponse
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,
    };

    public static async Task WriteAsync(HttpContext context, Func<XmlWriter, Task> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        var writer = XmlWriter.Create(context.Response.Body, Settings);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteStartDocumentAsync().ConfigureAwait(false);
            await write(writer).ConfigureAwait(false);
            await writer.WriteEndDocumentAsync().ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }
    }
}
