using ConversationHub.Core.Identity;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests;

public sealed class PasswordPolicyTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Theory]
    [InlineData("Ab1", "パスワードは8文字以上にしてください。")]
    [InlineData("abcdefgh1", "英大文字")]
    [InlineData("ABCDEFGH1", "英小文字")]
    [InlineData("Abcdefghi", "数字")]
    public async Task Validate_WeakPassword_FailsWithJapaneseReason(string password, string expected)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();

        var results = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, new HubUser { UserName = "x" }, password)));
        var errors = results.SelectMany(r => r.Errors).Select(e => e.Description).ToList();

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_MixedEightCharacters_Succeeds()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();

        var results = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, new HubUser { UserName = "x" }, "Wakaba12")));

        Assert.All(results, r => Assert.True(r.Succeeded));
    }
}
