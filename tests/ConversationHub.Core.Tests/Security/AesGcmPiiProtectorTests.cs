using ConversationHub.Core.Security;
using ConversationHub.Testing;

namespace ConversationHub.Core.Tests.Security;

public sealed class AesGcmPiiProtectorTests
{
    private static IPiiProtector Create(PiiProtectionOptions options) => PiiProtectorFactory.Create(options, Path.GetTempPath());

    [Fact]
    public void Protect_ThenUnprotect_ReturnsPlaintext()
    {
        var protector = Create(TestPii.CreateOptions());
        const string plain = "山田 花子 / 090-1234-5678";

        var cipher = protector.Protect(plain, "users.DisplayName");

        Assert.DoesNotContain("山田", cipher, StringComparison.Ordinal);
        Assert.StartsWith("pii1.k1.", cipher, StringComparison.Ordinal);
        Assert.Equal(plain, protector.Unprotect(cipher, "users.DisplayName"));
    }

    [Fact]
    public void Protect_SameValueTwice_GivesDifferentCiphertexts()
    {
        var protector = Create(TestPii.CreateOptions());

        Assert.NotEqual(protector.Protect("同じ値", "p"), protector.Protect("同じ値", "p"));
    }

    [Fact]
    public void Unprotect_TamperedCiphertext_Throws()
    {
        var protector = Create(TestPii.CreateOptions());
        var cipher = protector.Protect("市民の相談内容", "inquiries.Body");
        var chars = cipher.ToCharArray();
        var last = chars.Length - 5;
        chars[last] = chars[last] == 'A' ? 'B' : 'A';

        Assert.Throws<PiiProtectionException>(() => protector.Unprotect(new string(chars), "inquiries.Body"));
    }

    [Fact]
    public void Unprotect_OtherPurpose_Throws()
    {
        var protector = Create(TestPii.CreateOptions());
        var cipher = protector.Protect("taro@example.jp", "users.Email");

        Assert.Throws<PiiProtectionException>(() => protector.Unprotect(cipher, "users.DisplayName"));
    }

    [Fact]
    public void Unprotect_RelabelledKeyId_Throws()
    {
        var options = TestPii.CreateOptions("k1", "k2");
        var protector = Create(options);
        var cipher = protector.Protect("secret", "p");

        Assert.Throws<PiiProtectionException>(() => protector.Unprotect(cipher.Replace("pii1.k2.", "pii1.k1.", StringComparison.Ordinal), "p"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("pii1.k1")]
    [InlineData("pii1.k1.!!!")]
    [InlineData("pii1.k1.AAAA")]
    [InlineData("pii1.unknown.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Unprotect_Malformed_Throws(string value)
    {
        var protector = Create(TestPii.CreateOptions());

        Assert.Throws<PiiProtectionException>(() => protector.Unprotect(value, "p"));
    }

    [Fact]
    public void Unprotect_AfterRotation_ReadsOldValuesAndWritesWithNewKey()
    {
        // Arrange: values written under k1, then k2 added and made active.
        var options = TestPii.CreateOptions("k1");
        var before = Create(options);
        var old = before.Protect("旧い値", "p");
        options.Keys["k2"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        options.ActiveKeyId = "k2";

        // Act
        var after = Create(options);
        var fresh = after.Protect("新しい値", "p");

        // Assert
        Assert.Equal("旧い値", after.Unprotect(old, "p"));
        Assert.True(after.NeedsReprotection(old));
        Assert.False(after.NeedsReprotection(fresh));
        Assert.StartsWith("pii1.k2.", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeLookupHash_IsDeterministicPerKeyAndPurpose()
    {
        var options = TestPii.CreateOptions();
        var a = Create(options);
        var b = Create(options);
        var other = Create(TestPii.CreateOptions());

        Assert.Equal(a.ComputeLookupHash("X@EXAMPLE.JP", "p"), b.ComputeLookupHash("X@EXAMPLE.JP", "p"));
        Assert.NotEqual(a.ComputeLookupHash("X@EXAMPLE.JP", "p"), a.ComputeLookupHash("X@EXAMPLE.JP", "q"));
        Assert.NotEqual(a.ComputeLookupHash("X@EXAMPLE.JP", "p"), other.ComputeLookupHash("X@EXAMPLE.JP", "p"));
    }

    [Theory]
    [InlineData("k1", "AAAA", "Pii:Keys:k1")]
    [InlineData("bad id!", null, "Pii:Keys:bad id!")]
    [InlineData("k1", "not base64 ***", "Pii:Keys:k1")]
    public void Create_InvalidKey_FailsNamingTheSetting(string id, string? key, string setting)
    {
        var options = new PiiProtectionOptions { LookupKey = Convert.ToBase64String(new byte[32]) };
        options.Keys[id] = key ?? Convert.ToBase64String(new byte[32]);

        var ex = Assert.Throws<InvalidOperationException>(() => Create(options));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithoutKeys_CreatesKeyFileOnceAndReusesIt()
    {
        var root = Directory.CreateTempSubdirectory("hub-keys").FullName;
        var options = new PiiProtectionOptions { KeyFile = "keys/pii.json" };

        var first = PiiProtectorFactory.Create(options, root);
        var cipher = first.Protect("値", "p");
        var second = PiiProtectorFactory.Create(new PiiProtectionOptions { KeyFile = "keys/pii.json" }, root);

        Assert.True(File.Exists(Path.Combine(root, "keys/pii.json")));
        Assert.Equal("値", second.Unprotect(cipher, "p"));
    }
}
