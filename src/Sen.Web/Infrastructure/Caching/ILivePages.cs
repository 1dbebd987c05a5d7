namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// What the ready-page cache needs to know about live pages (<see cref="ILivePageMetadata"/>), from the
/// feature that owns their live region.
/// </summary>
public interface ILivePages
{
    /// <summary>Before routing, from the path alone: whether the request is for a live page.</summary>
    bool IsLivePath(PathString path);

    /// <summary>
    /// The content coding the live page's writer answers this request with (<c>identity</c> included), or
    /// null when the reader takes only codings it does not write (the full pipeline then compresses the page).
    /// </summary>
    string? EncodingFor(HttpContext context);

    /// <summary>Finds the live region of a rendered page; null when it has none (it is then not kept ready).</summary>
    ILiveRegion? Find(ReadOnlyMemory<byte> page);
}

/// <summary>The live region of one ready page, found once when the page is read from the store.</summary>
public interface ILiveRegion
{
    /// <summary>
    /// Sets the page's Content-Length and Content-Encoding, starts the response and writes the page,
    /// with the region filled for this request, into the response pipe in <paramref name="encoding"/>
    /// (from <see cref="ILivePages.EncodingFor"/>); the caller flushes.
    /// </summary>
    ValueTask WriteAsync(HttpContext context, string encoding);
}
