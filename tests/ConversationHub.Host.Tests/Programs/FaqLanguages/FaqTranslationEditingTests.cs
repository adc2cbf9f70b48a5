using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.FaqLanguages;

/// <summary>
/// FAQ editors enter an FAQ's translations on /console/faq/{id}/translations over real HTTP: a valid save is stored and
/// audited, bad input gets Japanese messages and changes nothing, other roles are refused; the public FAQ page shows the
/// translation with <c>?lang=</c> (lang attributes) and the Japanese with a note where a language has none.
/// </summary>
public abstract class FaqTranslationEditingTests(DatabaseProvider provider)
{
    private const string English = "Where can I use the coupons? Can they be reissued if lost?";

    [Fact]
    public async Task Save_ValidEnglish_StoredAuditedAndShownWithLang()
    {
        // Arrange: coupon-007 has no translation in the demo.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var (faqId, question) = await FaqLanguageTestData.FaqAsync(host, "coupon-007", ct);
        using var editor = await host.SignInAsync("faq-editor", ct);
        var path = $"/console/faq/{faqId}/translations";

        // Act
        using var saved = await FormPost.SubmitAsync(editor, path, Fields("en", English, "At **registered shops** in the city."), ct);
        using var site = host.CreateClient();
        var english = await site.GetStringAsync(new Uri(FaqLanguageTestData.PagePath(faqId, question, "en"), UriKind.Relative), ct);
        var korean = await site.GetStringAsync(new Uri(FaqLanguageTestData.PagePath(faqId, question, "ko"), UriKind.Relative), ct);
        var japanese = await site.GetStringAsync(new Uri(FaqLanguageTestData.PagePath(faqId, question), UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{path}?done=saved&lang=en#lang-en", saved.Headers.Location?.OriginalString);
        await using var scope = host.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Translations.AsNoTracking().SingleAsync(t => t.FaqId == faqId, ct);
        Assert.Equal(("en", English), (row.Language, row.Question));
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(a => a.Action == "faq.translation.saved").ToListAsync(ct);
        var entry = Assert.Single(audit, a => a.Target == $"faq:{faqId}:en");
        Assert.Equal(("question,answer", "faq-editor"), (entry.Detail, entry.ActorName));
        Assert.Contains($"<h1 lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(English, WebUtility.HtmlDecode(english), StringComparison.Ordinal);
        Assert.Contains("<strong>registered shops</strong>", english, StringComparison.Ordinal);
        Assert.Contains("This page is translated from Japanese.", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"ko\">이 답변은 아직 한국어 번역이 없어 일본어로 표시합니다.", korean, StringComparison.Ordinal);
        Assert.Contains(question, WebUtility.HtmlDecode(korean), StringComparison.Ordinal);
        Assert.DoesNotContain("<h1 lang=", japanese, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\"", japanese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Question", "Answer", "言語は英語・中国語・韓国語から選んでください。")]
    [InlineData("en", "Question only", "", "質問を入力した場合は、回答も入力してください。")]
    [InlineData("zh", "", "只有回答", "回答を入力した場合は、質問も入力してください。")]
    [InlineData("ko", "LONG", "답변", "質問は500文字以内で入力してください。")]
    public async Task Save_BadInput_JapaneseErrorAndNothingSaved(string language, string questionText, string answer, string message)
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var (faqId, _) = await FaqLanguageTestData.FaqAsync(host, "coupon-007", ct);
        using var editor = await host.SignInAsync("faq-editor", ct);
        var submitted = questionText == "LONG" ? new string('질', 501) : questionText;

        // Act
        using var response = await FormPost.SubmitAsync(editor, $"/console/faq/{faqId}/translations", Fields(language, submitted, answer), ct);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body, StringComparison.Ordinal);
        Assert.Contains("id=\"error-summary\"", body, StringComparison.Ordinal);
        Assert.Equal(0, await FaqLanguageTestData.TranslationCountAsync(host, faqId, ct));
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AnyAsync(a => a.Action.StartsWith("faq.translation."), ct));
    }

    [Fact]
    public async Task Save_EmptyBoth_RemovesAndAudits_OtherRolesRefused()
    {
        // Arrange: coupon-001 has an English translation in the demo.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var (faqId, question) = await FaqLanguageTestData.FaqAsync(host, "coupon-001", ct);
        var path = $"/console/faq/{faqId}/translations";
        using var editor = await host.SignInAsync("faq-editor", ct);
        using var staff = await host.SignInAsync("dept-staff", ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        var before = await FaqLanguageTestData.TranslationCountAsync(host, faqId, ct);

        // Act
        using var staffPage = await staff.GetAsync(new Uri(path, UriKind.Relative), ct);
        using var operatorPage = await operatorClient.GetAsync(new Uri(path, UriKind.Relative), ct);
        using var removed = await FormPost.SubmitAsync(editor, path, Fields("en", " ", ""), ct);
        using var site = host.CreateClient();
        var english = await site.GetStringAsync(new Uri(FaqLanguageTestData.PagePath(faqId, question, "en"), UriKind.Relative), ct);

        // Assert
        Assert.All([staffPage, operatorPage], refused => Assert.StartsWith("/account/denied", refused.Headers.Location?.AbsolutePath ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(3, before);
        Assert.Equal(2, await FaqLanguageTestData.TranslationCountAsync(host, faqId, ct));
        Assert.Contains("This answer is not yet available in English", english, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var removals = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking().Where(a => a.Action == "faq.translation.removed").ToListAsync(ct);
        Assert.Contains(removals, a => a.Target == $"faq:{faqId}:en");
    }

    private static Dictionary<string, string> Fields(string language, string question, string answer) => new(StringComparer.Ordinal)
    {
        ["Form.Language"] = language,
        ["Form.Question"] = question,
        ["Form.AnswerMarkdown"] = answer,
    };
}

public sealed class SqliteFaqTranslationEditingTests() : FaqTranslationEditingTests(DatabaseProvider.Sqlite);

public sealed class PostgresFaqTranslationEditingTests() : FaqTranslationEditingTests(DatabaseProvider.Postgres);
