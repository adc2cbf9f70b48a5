using System.Net;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>Only FAQ editors and administrators reach the editors' pages; forms refuse posts without the anti-forgery token.</summary>
public sealed class FaqEditorAccessTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    public static TheoryData<string> Pages => new()
    {
        "/console/faq",
        "/console/faq/edit",
        "/console/faq/synonyms",
        "/console/faq/misses",
        "/console/faq/proposals",
        "/console/faq/ranking",
        "/console/faq/ranking/models",
        "/console/faq/ranking/charts",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_Anonymous_RedirectsToSignIn(string path)
    {
        var ct = TestTimeout.Token();
        using var anonymous = fixture.Host.CreateBrowserClient();

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.True(HubHost.IsRedirectTo(response, "/account/login"), $"{path}: {response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_Operator_IsDenied(string path)
    {
        var ct = TestTimeout.Token();
        using var operatorClient = await fixture.Host.SignInAsync("operator", ct);

        using var response = await operatorClient.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.True(HubHost.IsRedirectTo(response, "/account/denied"), $"{path}: {response.StatusCode}");
    }

    [Theory]
    [InlineData("faq-editor")]
    [InlineData("admin")]
    public async Task Get_EditorOrAdministrator_SeesTheList(string user)
    {
        var ct = TestTimeout.Token();
        using var client = await fixture.Host.SignInAsync(user, ct);

        using var response = await client.GetAsync(new Uri("/console/faq", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>FAQ一覧</h1>", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Operator_CannotCreate()
    {
        var ct = TestTimeout.Token();
        using var operatorClient = await fixture.Host.SignInAsync("operator", ct);

        using var response = await EditorForms.PostAsync(operatorClient, "/console", "/console/faq/edit", EditorForms.Faq("権限のない作成", "回答"), ct);

        Assert.True(HubHost.IsRedirectTo(response, "/account/denied"), response.StatusCode.ToString());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var ct = TestTimeout.Token();
        using var editor = await fixture.Host.SignInAsync("faq-editor", ct);
        using var content = new FormUrlEncodedContent(EditorForms.Faq("トークンのない作成", "回答"));

        using var response = await editor.PostAsync(new Uri("/console/faq/edit", UriKind.Relative), content, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
