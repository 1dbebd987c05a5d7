namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Endpoint metadata of a public page with a live region: a part that changes with every request (an
/// article's view count) in a page that is otherwise cached. Such a page is cached uncompressed and
/// without a validator, and its ready copy is written through <see cref="ILivePages"/>.
/// </summary>
public interface ILivePageMetadata;
