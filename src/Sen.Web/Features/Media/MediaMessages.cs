namespace Sen.Web.Features.Media;

/// <summary>Keys of the messages (Resources/strings.tsv) that tell an editor why an upload or an edit was refused.</summary>
public static class MediaMessages
{
    public const string Empty = "Media.Upload.Empty";

    /// <summary>Argument: the limit in megabytes.</summary>
    public const string TooLarge = "Media.Upload.TooLarge";

    public const string Unsupported = "Media.Upload.Unsupported";

    /// <summary>Argument: the limit in millions of pixels.</summary>
    public const string TooManyPixels = "Media.Upload.TooManyPixels";

    public const string Corrupt = "Media.Upload.Corrupt";

    public const string AltTextRequired = "Media.AltText.Required";

    public const string NotFound = "Media.NotFound";
}
