using System.Security.Cryptography;
using ConversationHub.Core.Security;

namespace ConversationHub.Testing;

/// <summary>Fresh random PII keys for a test.</summary>
public static class TestPii
{
    public static PiiProtectionOptions CreateOptions(params string[] keyIds)
    {
        var options = new PiiProtectionOptions { LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        foreach (var id in keyIds.Length == 0 ? ["k1"] : keyIds)
        {
            options.Keys[id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        options.ActiveKeyId = options.Keys.Keys.Last();
        return options;
    }
}
