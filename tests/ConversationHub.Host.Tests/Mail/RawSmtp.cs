using System.Net.Sockets;
using System.Text;

namespace ConversationHub.Host.Tests.Mail;

/// <summary>
/// A bare SMTP client for bytes no mail library would write (broken MIME, garbage): the real protocol over a socket,
/// with dot-stuffing, so the listener sees exactly these bytes.
/// </summary>
internal static class RawSmtp
{
    public static async Task<string> SendAsync(int port, string from, string to, byte[] data, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        await ExpectAsync(reader, "220", ct);
        await CommandAsync(stream, reader, "EHLO test.example", "250", ct);
        await CommandAsync(stream, reader, $"MAIL FROM:<{from}>", "250", ct);
        await CommandAsync(stream, reader, $"RCPT TO:<{to}>", "250", ct);
        await CommandAsync(stream, reader, "DATA", "354", ct);
        var text = data.AsSpan();
        using var body = new MemoryStream();
        var lineStart = true;
        foreach (var b in text)
        {
            if (lineStart && b == (byte)'.')
            {
                body.WriteByte((byte)'.');
            }

            body.WriteByte(b);
            lineStart = b == (byte)'\n';
        }

        if (!lineStart)
        {
            body.Write("\r\n"u8);
        }

        body.Write(".\r\n"u8);
        await stream.WriteAsync(body.ToArray(), ct);
        var reply = await ExpectAsync(reader, "", ct);
        await stream.WriteAsync("QUIT\r\n"u8.ToArray(), ct);
        return reply;
    }

    private static async Task CommandAsync(NetworkStream stream, StreamReader reader, string command, string code, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), ct);
        await ExpectAsync(reader, code, ct);
    }

    private static async Task<string> ExpectAsync(StreamReader reader, string code, CancellationToken ct)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(ct) ?? throw new IOException("connection closed");
            if (line.Length >= 4 && line[3] == '-')
            {
                continue;
            }

            Assert.StartsWith(code, line, StringComparison.Ordinal);
            return line;
        }
    }
}
