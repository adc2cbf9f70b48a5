using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ConversationHub.Core.Security;

/// <summary>The decoded keys of <see cref="PiiProtectionOptions"/>.</summary>
internal sealed partial class PiiKeyRing
{
    private const int KeySize = 32;
    private readonly Dictionary<string, byte[]> _keys;

    private PiiKeyRing(Dictionary<string, byte[]> keys, string activeKeyId, byte[] lookupKey)
    {
        _keys = keys;
        ActiveKeyId = activeKeyId;
        ActiveKey = keys[activeKeyId];
        LookupKey = lookupKey;
    }

    public string ActiveKeyId { get; }

    public byte[] ActiveKey { get; }

    public byte[] LookupKey { get; }

    public bool TryGetKey(string keyId, [NotNullWhen(true)] out byte[]? key) => _keys.TryGetValue(keyId, out key);

    /// <summary>Builds the ring from options, or from (a new) key file when no key is configured.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static PiiKeyRing Create(PiiProtectionOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Keys.Count == 0)
        {
            options = LoadOrCreateKeyFile(Path.GetFullPath(options.KeyFile, contentRoot));
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, encoded) in options.Keys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                throw new InvalidOperationException($"Pii:Keys:{id}: a key id is 1–16 letters, digits or dashes.");
            }

            keys[id] = Decode(encoded, $"Pii:Keys:{id}");
        }

        var active = options.ActiveKeyId ?? (keys.Count == 1 ? keys.Keys.Single() : null);
        if (active is null || !keys.ContainsKey(active))
        {
            throw new InvalidOperationException(
                $"Pii:ActiveKeyId must name one of the configured keys ({string.Join(", ", keys.Keys)}).");
        }

        if (string.IsNullOrEmpty(options.LookupKey))
        {
            throw new InvalidOperationException("Pii:LookupKey is required (base64 of 32 random bytes).");
        }

        return new PiiKeyRing(keys, active, Decode(options.LookupKey, "Pii:LookupKey"));
    }

    private static byte[] Decode(string encoded, string setting)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} must be base64 of {KeySize} random bytes.");
        }

        return bytes.Length == KeySize
            ? bytes
            : throw new InvalidOperationException($"{setting} must be {KeySize} bytes (AES-256); it is {bytes.Length}.");
    }

    private static PiiProtectionOptions LoadOrCreateKeyFile(string path)
    {
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<PiiProtectionOptions>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"Pii:KeyFile '{path}' is empty.");
        }

        var created = new PiiProtectionOptions
        {
            ActiveKeyId = "k1",
            Keys = { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)) },
            LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(created));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return created;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,16}$")]
    private static partial Regex KeyIdPattern();
}
