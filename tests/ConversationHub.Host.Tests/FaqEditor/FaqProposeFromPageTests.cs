using System.Net;
using ConversationHub.Faq.KnowledgeBase.Proposals;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>Signed-in staff propose a change from an FAQ's public page (FAQ提案, source 「FAQページ」); citizens see no such link.</summary>
public sealed class FaqProposeFromPageTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Operator_ProposesFromThePublicPage_AndEditorsQueueHasIt()
    {
        var ct = TestTimeout.Token(60);
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var operatorClient = await Host.SignInAsync("operator", ct);
        using var citizen = Host.CreateBrowserClient();
        var marker = EditorForms.Marker();

        var staffPage = await FaqPageAsync(operatorClient, faq.Id, ct);
        var citizenPage = await FaqPageAsync(citizen, faq.Id, ct);
        var form = await operatorClient.GetStringAsync(new Uri($"/console/faq/propose?faqId={faq.Id}", UriKind.Relative), ct);
        using var sent = await EditorForms.PostAsync(operatorClient, $"/console/faq/propose?faqId={faq.Id}", $"/console/faq/propose?faqId={faq.Id}",
            [new("Question", $"{marker} 申請の場所を直したい"), new("Answer", "支所でも申請できます。"), new("CitizenQuestion", "支所でも出せますか")], ct);

        Assert.Contains($"/console/faq/propose?faqId={faq.Id}", staffPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/console/faq/propose", citizenPage, StringComparison.Ordinal);
        Assert.Contains(faq.Question, form, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/console/faq/edit\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = await FaqTestData.WithFaqDbAsync(Host, db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposedQuestion == $"{marker} 申請の場所を直したい", ct));
        Assert.Equal(FaqProposalSource.FaqPage, stored.Source);
        Assert.Equal(faq.Id, stored.FaqId);
        Assert.Equal("支所でも出せますか", stored.CitizenQuestion);

        // The change is to a published FAQ: the queue warns that accepting puts it online at once.
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var queue = await editor.GetStringAsync(new Uri("/console/faq/proposals", UriKind.Relative), ct);
        Assert.Contains($"live-{stored.Id}", queue, StringComparison.Ordinal);
    }

    // The page answers its canonical address (with the slug) after a 301.
    private static async Task<string> FaqPageAsync(HttpClient client, Guid id, CancellationToken ct)
    {
        using var first = await client.GetAsync(new Uri($"/faq/{id}", UriKind.Relative), ct);
        var location = first.StatusCode == HttpStatusCode.MovedPermanently ? first.Headers.Location! : new Uri($"/faq/{id}", UriKind.Relative);
        return await client.GetStringAsync(location, ct);
    }

    [Fact]
    public async Task EmptyQuestion_IsRefusedInJapanese_AndNothingIsStored()
    {
        var ct = TestTimeout.Token(60);
        var faq = await FaqTestData.CreateAsync(Host, ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        var before = await FaqTestData.WithFaqDbAsync(Host, db => db.Proposals.CountAsync(ct));

        using var sent = await EditorForms.PostAsync(staff, $"/console/faq/propose?faqId={faq.Id}", $"/console/faq/propose?faqId={faq.Id}", [new("Question", " ")], ct);

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Contains("提案する質問は1〜500文字で入力してください。", await sent.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(before, await FaqTestData.WithFaqDbAsync(Host, db => db.Proposals.CountAsync(ct)));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var ct = TestTimeout.Token();
        using var anonymous = Host.CreateBrowserClient();

        using var response = await anonymous.GetAsync(new Uri("/console/faq/propose", UriKind.Relative), ct);

        Assert.True(HubHost.IsRedirectTo(response, "/account/login"), response.StatusCode.ToString());
    }
}
