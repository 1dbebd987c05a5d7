namespace Sen.Web.Features.Documents;

public enum DocumentOutcome
{
    Done,
    NotFound,

    /// <summary>The workflow does not let this user do this now; the message key says why.</summary>
    Forbidden,

    /// <summary>The input is wrong (400).</summary>
    Invalid,

    /// <summary>An attachment over Documents:MaxFileBytes (413).</summary>
    TooLarge,

    /// <summary>An attachment that is not a PDF, DOC, DOCX or XLSX, or whose name claims another format (415).</summary>
    Unsupported,
}

/// <summary>What a newsroom step on a document reports. Message keys are in strings.tsv.</summary>
public sealed record DocumentResult(DocumentOutcome Outcome, IReadOnlyList<string> MessageKeys, int? DocumentId = null, IReadOnlyList<string>? Arguments = null)
{
    public static readonly DocumentResult NotFound = new(DocumentOutcome.NotFound, ["Document.NotFound"]);

    public bool Succeeded => Outcome == DocumentOutcome.Done;

    public static DocumentResult Done(int documentId) => new(DocumentOutcome.Done, [], documentId);

    public static DocumentResult Forbidden(string reasonKey) => new(DocumentOutcome.Forbidden, [reasonKey]);

    public static DocumentResult Invalid(IReadOnlyList<string> messageKeys) => new(DocumentOutcome.Invalid, messageKeys);

    public int StatusCode => Outcome switch
    {
        DocumentOutcome.Done => StatusCodes.Status200OK,
        DocumentOutcome.NotFound => StatusCodes.Status404NotFound,
        DocumentOutcome.Forbidden => StatusCodes.Status403Forbidden,
        DocumentOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        DocumentOutcome.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };
}
