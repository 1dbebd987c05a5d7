using System.Diagnostics;
using Npgsql;

namespace Sen.Web.Features.Backup;

/// <summary>pg_dump and pg_restore, from PATH or the newest /usr/lib/postgresql/*/bin (Debian's layout).</summary>
public static class PostgresTools
{
    public static string? Find(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, program)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        const string Debian = "/usr/lib/postgresql";
        return Directory.Exists(Debian)
            ? Directory.GetDirectories(Debian)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin", program)).FirstOrDefault(File.Exists)
            : null;
    }

    /// <summary>Runs <paramref name="program"/> against the database of <paramref name="connectionString"/>; the password goes by PGPASSWORD, never on the command line.</summary>
    public static async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var path = Find(program) ?? throw new BackupException(
            $"Không tìm thấy {program} / {program} not found: cài / install postgresql-client (PATH or /usr/lib/postgresql/*/bin)");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("--host=" + (builder.Host ?? "localhost"));
        start.ArgumentList.Add("--port=" + builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(builder.Username))
        {
            start.ArgumentList.Add("--username=" + builder.Username);
        }

        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--dbname=" + builder.Database);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start) ?? throw new BackupException(program + " did not start");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{program} thất bại / failed ({process.ExitCode}): {(await error.ConfigureAwait(false)).Trim()} {(await output.ConfigureAwait(false)).Trim()}");
        }
    }
}

/// <summary>A backup or restore that cannot go on; the message says why, in one line, for the operator.</summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
