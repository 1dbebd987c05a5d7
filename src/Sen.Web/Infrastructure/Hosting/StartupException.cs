namespace Sen.Web.Infrastructure.Hosting;

/// <summary>A start-up failure whose message already says, in one line, which setting to change.</summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
