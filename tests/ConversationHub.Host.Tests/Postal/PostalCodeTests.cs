using ConversationHub.Handoff.Postal;

namespace ConversationHub.Host.Tests.Postal;

/// <summary>Postal codes as people type them (handoff/Postal/PostalCode.cs).</summary>
public sealed class PostalCodeTests
{
    [Theory]
    [InlineData("1234567")]
    [InlineData("123-4567")]
    [InlineData(" 〒123-4567 ")]
    [InlineData("〒１２３－４５６７")]
    [InlineData("１２３４５６７")]
    [InlineData("123ー4567")]
    [InlineData("123−4567")]
    public void TryNormalize_UsualForms_SevenDigits(string input)
    {
        Assert.True(PostalCode.TryNormalize(input, out var code, out _, out _));
        Assert.Equal("1234567", code);
    }

    [Theory]
    [InlineData("", "Empty", null)]
    [InlineData("〒", "Empty", null)]
    [InlineData("123-456", "WrongLength", "6")]
    [InlineData("12345678", "WrongLength", "8")]
    [InlineData("12-34567", "MisplacedHyphen", null)]
    [InlineData("123-45-67", "MisplacedHyphen", null)]
    [InlineData("123a4567", "InvalidCharacter", "a")]
    public void TryNormalize_NotACode_SaysWhy(string input, string expected, string? detail)
    {
        Assert.False(PostalCode.TryNormalize(input, out _, out var problem, out var actualDetail));
        Assert.Equal(expected, problem.ToString());
        Assert.Equal(detail, actualDetail);
    }
}
