using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Rosters;
using ConversationHub.Host.Tests.Admin;
using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A test program (子育て応援給付, code <c>kosodate</c>) with a roster layout like a city's export (header row, household
/// number, two children), fake households, and helpers that drive the roster page as a browser does.
/// </summary>
internal static partial class RosterTestData
{
    public const string Code = "kosodate";
    public const string Page = "/console/programs/roster?program=" + Code;

    public static readonly RosterLayout Layout = new(
        true, RosterEncoding.Utf8, "世帯主氏名", "世帯主生年月日",
        [new("子1氏名", "子1生年月日"), new("子2氏名", "子2生年月日")], "郵便番号", "住所", "世帯番号");

    /// <summary>Three fake households; dates of birth in era and western forms.</summary>
    public const string Roster = """
        世帯番号,世帯主氏名,世帯主生年月日,子1氏名,子1生年月日,子2氏名,子2生年月日,郵便番号,住所
        A-0001,若葉 太郎,昭和60年4月1日,若葉 花子,令和2年5月10日,,,123-4567,若葉市中央1-2-3
        A-0002,青葉 次郎,S55.12.3,青葉 一郎,H30/1/5,青葉 二葉,R3-2-28,〒1234568,若葉市東町4-5-6
        A-0003,ヤマダ ミチコ,1990/7/7,,,,,987-6543,若葉市西町7-8
        """;

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static async Task<ProgramDefinition> CreateProgramAsync(HubHost host, RosterLayout layout, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var program = new ProgramDefinition(Code, "子育て応援給付", new DateOnly(2026, 1, 1), new DateOnly(2027, 3, 31), new DateOnly(2027, 6, 30), DateTime.UtcNow);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ConfigureRosterLayout>().SaveAsync(program, layout, Actor, ct);
        return program;
    }

    /// <summary>The test program with its layout and <see cref="Roster"/> imported.</summary>
    public static async Task<(ProgramDefinition Program, RosterImportOutcome Imported)> CreateWithRosterAsync(HubHost host, CancellationToken ct)
    {
        var program = await CreateProgramAsync(host, Layout, ct);
        return (program, await ImportAsync(host, program, Utf8WithBom(Roster), ct));
    }

    public static StaffActor Actor { get; } = new(Guid.NewGuid(), "test-admin", "127.0.0.1");

    public static async Task<RosterImportOutcome> ImportAsync(HubHost host, ProgramDefinition program, byte[] file, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRoster>().ImportAsync(program, file, "test-admin", ct);
    }

    public static async Task<RosterImportOutcome> ImportStatusesAsync(HubHost host, ProgramDefinition program, string csv, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRosterStatuses>().ImportAsync(program, Utf8WithBom(csv), "test-admin", ct);
    }

    public static async Task<IReadOnlyList<RosterHouseholdView>> FindAsync(HubHost host, ProgramDefinition program, string name, string birth, string postal, CancellationToken ct)
    {
        Assert.True(JapaneseDate.TryParse(birth, out var day));
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LookUpHousehold>().FindUnauditedAsync(program, new RosterQuery(name, day, postal), ct);
    }

    /// <summary>Posts the look-up form; the page that answers, decoded.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> LookUpAsync(HttpClient client, string name, string birth, string postal, CancellationToken ct, string page = Page) =>
        await AdminForms.PostAsync(client, page, "lookup", [("name", name), ("birthDate", birth), ("postalCode", postal)], ct);

    /// <summary>Uploads a file to one of the page's import forms (<c>import</c> or <c>statuses</c>).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, string handler, byte[] data, CancellationToken ct)
    {
        var page = await client.GetStringAsync(new Uri(Page, UriKind.Relative), ct);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(AdminForms.TokenOf(page)), "__RequestVerificationToken");
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "roster.csv");
        using var response = await client.PostAsync(new Uri(Page + "&handler=" + handler, UriKind.Relative), form, ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct)));
    }

    /// <summary>The household id the page's declination form carries.</summary>
    public static Guid HouseholdIdOf(string page) => Guid.Parse(HouseholdField().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"household\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex HouseholdField();
}
