namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Whether a request carries a newsroom sign-in. The fast path leaves such requests to the full
/// pipeline, which knows who is signed in; the accounts feature says what a sign-in looks like.
/// </summary>
public interface IEditorSession
{
    /// <summary>Called for every candidate of the fast path: must not allocate.</summary>
    bool CarriesSignIn(HttpRequest request);
}
