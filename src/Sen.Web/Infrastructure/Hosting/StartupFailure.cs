using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Sen.Web.Infrastructure.Hosting;

/// <summary>
/// Start-up failures an operator causes and fixes with a setting (port taken, data folder not
/// writable, database unreachable), told in one line that names the setting instead of a stack trace.
/// </summary>
public static class StartupFailure
{
    /// <summary>The exit code of a program that could not start.</summary>
    public const int ExitCode = 1;

    private const int SqliteCannotOpen = 14;
    private const int SqliteReadOnly = 8;

    /// <summary>One line for a failure a setting fixes, or null for anything else (a bug, with its stack trace).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        StartupException e => e.Message,
        IOException { InnerException: AddressInUseException } e =>
            $"Cổng đang được dùng / port in use ({e.Message}): chọn cổng khác / choose another port with ASPNETCORE_URLS or --urls",
        SqliteException { SqliteErrorCode: SqliteCannotOpen or SqliteReadOnly } e =>
            $"Không mở được cơ sở dữ liệu SQLite / cannot open the SQLite database ({e.Message}): đặt / set Sen:DataPath or ConnectionStrings:Default",
        NpgsqlException { InnerException: SocketException or TimeoutException } e =>
            $"Không kết nối được PostgreSQL / cannot reach PostgreSQL ({e.Message}): đặt / set ConnectionStrings:Default",
        OptionsValidationException e =>
            $"Cấu hình không hợp lệ / invalid configuration: {string.Join("; ", e.Failures)}",
        OperationCanceledException => "Đã dừng trước khi khởi động xong / stopped before start-up finished",
        _ => null,
    };

    /// <summary>Writes the failure to standard error and returns the exit code.</summary>
    public static async Task<int> ReportAsync(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        await Console.Error.WriteLineAsync(Describe(exception) ?? $"Không khởi động được / start-up failed: {exception}").ConfigureAwait(false);
        return ExitCode;
    }
}
