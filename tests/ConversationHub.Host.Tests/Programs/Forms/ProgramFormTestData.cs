using System.Net;
using System.Text.RegularExpressions;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Postal;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Forms;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Postal;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>A program and a form with every field type, made through the real services, and the pages' posts.</summary>
internal static partial class ProgramFormTestData
{
    public static readonly FormField[] AllTypes =
    [
        new("name", "氏名", FormFieldType.Text, true, MaxLength: 20),
        new("kana", "フリガナ", FormFieldType.Kana, true),
        new("birth", "生年月日", FormFieldType.BirthDate, true),
        new("age", "年齢", FormFieldType.Number, false, Min: 0, Max: 120),
        new("visit", "来庁日", FormFieldType.Date, false),
        new("phone", "電話番号", FormFieldType.Phone, true),
        new("email", "メールアドレス", FormFieldType.Email, false),
        new("zip", "郵便番号", FormFieldType.PostalCode, false),
        new("course", "種目", FormFieldType.Choice, true, Options: ["5km", "10km", "ハーフ"]),
        new("shirt", "Tシャツ", FormFieldType.MultiChoice, false, Options: ["S", "M", "L"]),
    ];

    /// <summary>Good answers for <see cref="AllTypes"/>: hiragana kana, a 昭和 birth date, a code whose address the data fills.</summary>
    public static List<KeyValuePair<string, string>> GoodAnswers(string name = "若葉 花子") =>
    [
        new("f.name", name),
        new("f.kana", "わかば　はなこ"),
        new("f.birth.era", "昭和"),
        new("f.birth.year", "50"),
        new("f.birth.month", "4"),
        new("f.birth.day", "1"),
        new("f.age", "51"),
        new("f.visit", "2026-12-07"),
        new("f.phone", "０９０-１２３４-５６７８"),
        new("f.email", "hanako@example.jp"),
        new("f.zip", "999-0001"),
        new("f.zip.address", ""),
        new("f.course", "10km"),
        new("f.shirt", "M"),
        new("f.shirt", "S"),
    ];

    /// <summary>A program in service from a week ago to a month ahead (by the host's clock).</summary>
    public static async Task<ProgramDefinition> ProgramAsync(HubHost host, CancellationToken ct, DateOnly? endsOn = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = scope.ServiceProvider.GetRequiredService<ProgramCatalog>().TodayInJapan();
        var code = "f" + Guid.NewGuid().ToString("N")[..10];
        var program = new ProgramDefinition(code, "市民マラソン申込", today.AddDays(-7), endsOn ?? today.AddMonths(1), today.AddMonths(3), time.GetUtcNow().UtcDateTime)
        {
            EndMessage = "市民マラソンの申込受付は終了しました。",
            AfterEndGuidance = "お問い合わせはスポーツ振興課（電話 0123-45-6789）へ。",
        };
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return program;
    }

    /// <summary>Saves a form of <paramref name="program"/> (version 1) with every field type and name + birth date as duplicate keys.</summary>
    public static async Task<FormDefinition> FormAsync(
        HubHost host, ProgramDefinition program, CancellationToken ct, bool publicAllowed = false, IReadOnlyList<FormExportColumn>? columns = null, CaseCsvEncoding encoding = CaseCsvEncoding.Utf8)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var definition = new FormDefinition(Guid.CreateVersion7(), 0, program.Id, "申込書", publicAllowed, AllTypes, ["name", "birth"], columns ?? [], encoding);
        return await scope.ServiceProvider.GetRequiredService<ProgramForms>().SaveAsync(definition, null, ct) ?? throw new InvalidOperationException("not saved");
    }

    public static string EntryPath(ProgramDefinition program, FormDefinition form, Guid? conversation = null) =>
        $"/console/programs/forms/entry?program={program.Code}&form={form.FormId}" + (conversation is { } c ? "&conversation=" + c : "");

    /// <summary>Loads the test postal data (若葉台市, codes 999-xxxx) into the host, as an administrator does.</summary>
    public static async Task LoadPostalCodesAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportPostalDataset>();
        await import.ImportAsync(KenAllSample.Utf8(), "utf_ken_all.csv", "test", PostalImportMode.Replace, ct);
    }

    /// <summary>GETs <paramref name="pagePath"/> for its antiforgery token, then posts <paramref name="fields"/> to it with <paramref name="handler"/>.</summary>
    /// <remarks><paramref name="tokenPage"/>, when given, supplies the token instead (a closed page has no form to take it from).</remarks>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string pagePath, string? handler, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct, string? tokenPage = null)
    {
        var page = tokenPage ?? await client.GetStringAsync(new Uri(pagePath, UriKind.Relative), ct);
        var values = fields.ToList();
        if (AntiforgeryField().Match(page) is { Success: true } token)
        {
            values.Add(new("__RequestVerificationToken", token.Groups[1].Value));
        }

        var target = handler is null ? pagePath : pagePath + (pagePath.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content, ct);
    }

    /// <summary>The hidden answers a read-back page carries to the save.</summary>
    public static List<KeyValuePair<string, string>> HiddenAnswers(string page) =>
        [.. HiddenAnswer().Matches(page).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<input type=\"hidden\" name=\"(f\\.[^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenAnswer();
}
