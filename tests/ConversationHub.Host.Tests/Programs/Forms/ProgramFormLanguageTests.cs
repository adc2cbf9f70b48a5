using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Forms;
using ConversationHub.Handoff.Programs.Languages;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>
/// Form labels in a program's other languages (issue 19): an editor enters a field's English label and choices in the
/// form editor and they are kept in the new version (choices that do not follow the Japanese are refused); the public form
/// with <c>?lang=en</c> shows them, a label without a translation in Japanese with a note, and a validation message with
/// a line in English.
/// </summary>
public abstract class ProgramFormLanguageTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Editor_KeepsTranslationsInTheVersion_AndRefusesChoicesThatDoNotFollowTheJapanese()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var program = await ProgramFormTestData.ProgramAsync(host, ct);
        await SetLanguagesAsync(host, program.Id, "ja,en", ct);
        using var admin = await host.SignInAsync("admin", ct);
        var editor = $"/console/programs/forms/edit?program={program.Code}";
        var formId = Guid.CreateVersion7().ToString();
        List<KeyValuePair<string, string>> definition =
        [
            new("form", formId), new("Version", "0"), new("Name", "申込書"), new("PublicAllowed", "true"),
            new("Fields[0].Order", "1"), new("Fields[0].Key", "name"), new("Fields[0].Label", "氏名"), new("Fields[0].Type", "Text"), new("Fields[0].Required", "true"),
            new("Fields[0].TranslatedLabels[en]", " Full name "),
            new("Fields[1].Order", "2"), new("Fields[1].Key", "course"), new("Fields[1].Label", "種目"), new("Fields[1].Type", "Choice"), new("Fields[1].Options", "5km\n10km\nハーフ"),
            new("Encoding", "Utf8"),
        ];

        // Act
        using var bad = await ProgramFormTestData.PostAsync(admin, editor, null, [.. definition, new("Fields[1].TranslatedOptions[en]", "5 km\n10 km")], ct);
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(ct));
        var afterBad = await CurrentAsync(host, Guid.Parse(formId), ct);
        using var good = await ProgramFormTestData.PostAsync(admin, editor, null, [.. definition, new("Fields[1].TranslatedOptions[en]", "5 km\n\nHalf marathon\n")], ct);
        var saved = await CurrentAsync(host, Guid.Parse(formId), ct);
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri(editor + "&form=" + formId, UriKind.Relative), ct));

        // Assert
        Assert.Contains("「種目」の選択肢（en）は、日本語と同じ 3 個を同じ順に1行に1つずつ入力してください。", badPage, StringComparison.Ordinal);
        Assert.Null(afterBad);
        Assert.NotNull(saved);
        Assert.Equal([new FormFieldTranslation("en", "Full name")], saved.Fields[0].Translations!);
        var course = Assert.Single(saved.Fields[1].Translations!);
        Assert.Equal(["5 km", "", "Half marathon"], course.Options!);
        Assert.Null(course.Label);
        Assert.Contains("value=\"Full name\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicForm_InEnglish_ShowsTranslationsAndFallsBackToJapaneseWithNote()
    {
        // Arrange: a name and two of three choices translated, the kana label not.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, new Dictionary<string, string?> { ["Inquiry:MinFillTime"] = "00:00:00" }, ct);
        var program = await ProgramFormTestData.ProgramAsync(host, ct);
        await SetLanguagesAsync(host, program.Id, "ja,en", ct);
        FormField[] fields =
        [
            new("name", "氏名", FormFieldType.Text, true, Translations: [new FormFieldTranslation("en", "Full name")]),
            new("kana", "フリガナ", FormFieldType.Kana, true),
            new("course", "種目", FormFieldType.Choice, true, Options: ["5km", "10km", "ハーフ"], Translations: [new FormFieldTranslation("en", "Course", ["5 km", "10 km"])]),
        ];
        FormDefinition form;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            form = (await scope.ServiceProvider.GetRequiredService<ProgramForms>()
                .SaveAsync(new FormDefinition(Guid.CreateVersion7(), 0, program.Id, "申込書", true, fields, [], [], ConversationHub.Handoff.Cases.CaseCsvEncoding.Utf8), null, ct))!;
        }

        using var citizen = host.CreateBrowserClient();
        var path = $"/programs/{program.Code}/forms/{form.FormId}";

        // Act
        var english = WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri(path + "?lang=en", UriKind.Relative), ct));
        var japanese = WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri(path, UriKind.Relative), ct));
        using var confirm = await ProgramFormTestData.PostAsync(citizen, path, "confirm",
            [new("f.name", ""), new("f.kana", "わかば"), new("f.course", "10km"), new("version", "1"), new("lang", "en"), new("ticket", Ticket(english))], ct);
        var refused = WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync(ct));

        // Assert
        Assert.Contains("<span lang=\"en\">Full name</span>", english, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ja\">フリガナ</span> <span class=\"lang-note\" lang=\"en\"> (Japanese only)</span>", english, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\">10 km</span>", english, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ja\">ハーフ</span> <span class=\"lang-note\" lang=\"en\"> (Japanese only)</span>", english, StringComparison.Ordinal);
        Assert.Contains("value=\"10km\"", english, StringComparison.Ordinal);
        Assert.Contains("id=\"form-language-lead\" lang=\"en\"", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Full name", japanese, StringComparison.Ordinal);
        Assert.DoesNotContain("(Japanese only)", japanese, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\"> Please check this item.</span>", refused, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\">Full name</span>", refused, StringComparison.Ordinal);
    }

    private static async Task SetLanguagesAsync(HubHost host, Guid programId, string languages, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var program = await db.Programs.SingleAsync(p => p.Id == programId, ct);
        program.Languages = languages;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<FormDefinition?> CurrentAsync(HubHost host, Guid formId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProgramForms>().CurrentAsync(formId, ct);
    }

    private static string Ticket(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"ticket\" value=\"([^\"]+)\"").Groups[1].Value;
}

public sealed class SqliteProgramFormLanguageTests() : ProgramFormLanguageTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgramFormLanguageTests() : ProgramFormLanguageTests(DatabaseProvider.Postgres);
