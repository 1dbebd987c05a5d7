namespace Sen.Web.Features.Media;

/// <summary>
/// Where uploaded files live, by key (<see cref="MediaKeys"/>). A local folder today
/// (<see cref="LocalFolderMediaStore"/>); shared storage for several nodes replaces only this.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>; readers never see a half-written file.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when nothing is stored under <paramref name="key"/>.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a key with nothing stored is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
