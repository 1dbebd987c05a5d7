using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Sen.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server in the test process (SmtpServer), on 127.0.0.1 and a free port, keeping every message it
/// receives. It can be stopped and started again on the same port, to play a mail server that is down.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private CancellationTokenSource? running;
    private Task? serving;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Messages => messages;

    public bool IsRunning => serving is not null;

    public SmtpListener Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(messages));
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
        return this;
    }

    public async Task StopAsync()
    {
        if (running is null || serving is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
        running = null;
        serving = null;
    }

    /// <summary>The messages whose subject contains <paramref name="subject"/>, once at least <paramref name="count"/> have come (or fails after a while).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string subject, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = messages.Where(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, $"{found.Count} of {count} e-mails about \"{subject}\" arrived");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
