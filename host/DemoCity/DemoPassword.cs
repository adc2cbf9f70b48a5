using System.Security.Cryptography;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// The demo accounts' password: <c>DemoCity:Password</c> when set, otherwise one generated on first start and
/// kept in <c>DemoCity:PasswordFile</c> (owner-only), so no password is ever committed or logged.
/// </summary>
internal static class DemoPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static (string Password, string Source) Resolve(DemoCityOptions options, string contentRoot)
    {
        if (!string.IsNullOrEmpty(options.Password))
        {
            return (options.Password, "DemoCity:Password");
        }

        var path = Path.GetFullPath(options.PasswordFile, contentRoot);
        if (File.Exists(path))
        {
            return (File.ReadAllText(path).Trim(), path);
        }

        var password = Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, password + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (password, path);
    }

    // Readable (no 0/O, 1/l/I) and always satisfies the policy: upper, lower and digits, 12 characters.
    private static string Generate()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            var set = (i % 3) switch { 0 => Upper, 1 => Lower, _ => Digits };
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
