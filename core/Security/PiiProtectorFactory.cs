namespace ConversationHub.Core.Security;

/// <summary>Creates an <see cref="IPiiProtector"/> outside dependency injection (command-line verbs, tests).</summary>
public static class PiiProtectorFactory
{
    /// <summary>Builds the AES-256-GCM protector from options; relative key files resolve against <paramref name="contentRoot"/>.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static IPiiProtector Create(PiiProtectionOptions options, string contentRoot) =>
        new AesGcmPiiProtector(PiiKeyRing.Create(options, contentRoot));
}
