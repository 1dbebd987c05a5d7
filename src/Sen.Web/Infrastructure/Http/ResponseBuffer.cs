using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Sen.Web.Infrastructure.Http;

/// <summary>
/// A response body that keeps everything written to it in one pooled array, for middleware that must see
/// a whole response before sending it. Set as the <see cref="IHttpResponseBodyFeature"/>, it takes writes
/// to both <c>Response.BodyWriter</c> (the output cache serves hits through it) and <c>Response.Body</c>
/// without the stream-to-pipe adapters (and their copies and allocations) that replacing <c>Body</c> brings.
/// </summary>
public sealed class ResponseBuffer : PipeWriter, IHttpResponseBodyFeature, IDisposable
{
    private const int InitialSize = 32 * 1024;
    private const int MinimumHint = 256;

    private byte[] array = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int length;
    private Stream? stream;

    public ReadOnlyMemory<byte> Written => array.AsMemory(0, length);

    /// <summary>Lets <paramref name="rewrite"/> change what was written in place, keeping the length it returns (no more than the old one).</summary>
    public void Rewrite(SpanRewrite rewrite)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        var rewritten = rewrite(array.AsSpan(0, length));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rewritten, length);
        ArgumentOutOfRangeException.ThrowIfNegative(rewritten);
        length = rewritten;
    }

    public delegate int SpanRewrite(Span<byte> written);

    /// <summary>
    /// Runs the rest of the pipeline with the response body going into a new buffer, and puts the real
    /// body back afterwards (so <c>Response.BodyWriter</c> is the connection's again). The caller disposes the buffer.
    /// </summary>
    public static async Task<ResponseBuffer> CaptureAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var features = context.Features;
        var original = features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var buffer = new ResponseBuffer();
        features.Set<IHttpResponseBodyFeature>(buffer);
        try
        {
            await next(context).ConfigureAwait(false);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        finally
        {
            features.Set(original);
        }
    }

    Stream IHttpResponseBodyFeature.Stream => stream ??= AsStream(leaveOpen: true);

    PipeWriter IHttpResponseBodyFeature.Writer => this;

    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => 0;

    public override void Advance(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, array.Length - length);
        length += bytes;
    }

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return array.AsMemory(length);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return array.AsSpan(length);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Reserve(source.Length);
        source.Span.CopyTo(array.AsSpan(length));
        length += source.Length;
        return ValueTask.FromResult(default(FlushResult));
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(default(FlushResult));

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    void IHttpResponseBodyFeature.DisableBuffering()
    {
    }

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken) =>
        SendFileFallback.SendFileAsync(((IHttpResponseBodyFeature)this).Stream, path, offset, count, cancellationToken);

    Task IHttpResponseBodyFeature.CompleteAsync() => Task.CompletedTask;

    public void Dispose()
    {
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
            array = [];
            length = 0;
        }
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, MinimumHint);
        if (length + needed > array.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(array.Length * 2, length + needed));
            array.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(array);
            array = larger;
        }
    }
}
