using System.Buffers;

namespace Sen.Web.Features.Media;

/// <summary>Reads an uploaded file into memory, giving up as soon as it passes the allowed size.</summary>
public static class UploadedBytes
{
    /// <summary>The stream's bytes, or null as soon as it passes <paramref name="maxBytes"/>: an oversized upload is never read whole.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAtMostAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
