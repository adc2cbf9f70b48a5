using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Programs.Forms;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>
/// Forms defined without a code change (issue 19): each save of the editor is a new version (audited); an entry taken on
/// version 1 still renders with version 1 after version 2; a bad definition is refused with its reason.
/// </summary>
public abstract class ProgramFormDefinitionTests(HostFixture fixture)
{
    [Fact]
    public async Task Save_TwiceThroughTheEditor_EntryOnVersion1RendersWithVersion1()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        var program = await ProgramFormTestData.ProgramAsync(fixture.Host, ct);
        using var admin = await fixture.Host.SignInAsync("admin", ct);
        var editor = $"/console/programs/forms/edit?program={program.Code}";
        var newPage = await admin.GetStringAsync(new Uri(editor, UriKind.Relative), ct);
        var formId = System.Text.RegularExpressions.Regex.Match(newPage, "name=\"form\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

        // Act: version 1, an entry on it, then version 2 renames the field and adds one.
        using var v1 = await ProgramFormTestData.PostAsync(admin, editor, null, Definition(formId, 0, "お名前"), ct);
        var form = await CurrentAsync(Guid.Parse(formId), ct);
        using var taken = await ProgramFormTestData.PostAsync(admin, $"/console/programs/forms/entry?program={program.Code}&form={formId}", "Save",
            [new("f.name", "若葉 一郎"), new("f.course", "5km"), new("version", "1")], ct);
        using var v2 = await ProgramFormTestData.PostAsync(admin, editor + "&form=" + formId, null,
            [.. Definition(formId, 1, "氏名（漢字）"), new("Fields[2].Key", "note"), new("Fields[2].Label", "備考"), new("Fields[2].Type", "Text"), new("Fields[2].Order", "3")], ct);
        using var stale = await ProgramFormTestData.PostAsync(admin, editor + "&form=" + formId, null, Definition(formId, 1, "古い版から"), ct);
        var entryPage = await admin.GetStringAsync(new Uri(taken.Headers.Location!.OriginalString, UriKind.Relative), ct);
        var newEntryPage = await admin.GetStringAsync(new Uri($"/console/programs/forms/entry?program={program.Code}&form={formId}", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, v1.StatusCode);
        Assert.Equal((1, "お名前"), (form!.Version, form.Fields[0].Label));
        Assert.Equal(HttpStatusCode.Redirect, v2.StatusCode);
        Assert.EndsWith("saved=2", v2.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("ほかの管理者が先にこの様式を保存しました", await stale.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var current = await CurrentAsync(Guid.Parse(formId), ct);
        Assert.Equal((2, "氏名（漢字）", 3), (current!.Version, current.Fields[0].Label, current.Fields.Count));
        Assert.Contains("第1版の様式で受付", entryPage, StringComparison.Ordinal);
        Assert.Contains("<dt>お名前</dt>", entryPage, StringComparison.Ordinal);
        Assert.DoesNotContain("備考", entryPage, StringComparison.Ordinal);
        Assert.Contains("氏名（漢字）", newEntryPage, StringComparison.Ordinal);
        Assert.Contains("備考", newEntryPage, StringComparison.Ordinal);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(a => a.Target == "program-form:" + formId && a.Action == FormAuditActions.Defined).CountAsync(ct);
        Assert.Equal(2, audit);
    }

    [Fact]
    public async Task Save_BadDefinition_RefusedWithReasonsNothingSaved()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var program = await ProgramFormTestData.ProgramAsync(fixture.Host, ct);
        using var admin = await fixture.Host.SignInAsync("admin", ct);
        var formId = Guid.CreateVersion7().ToString();
        var bad = Definition(formId, 0, "お名前")
            .With("Fields[1].Options", "5km")
            .With("Fields[0].Key", "Name!")
            .With("DuplicateKeys", "birth");

        // Act
        using var response = await ProgramFormTestData.PostAsync(admin, $"/console/programs/forms/edit?program={program.Code}", null, bad, ct);
        var page = await response.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("項目キー「Name!」が使えません", page, StringComparison.Ordinal);
        Assert.Contains("「種目」には重複しない選択肢を2件以上", page, StringComparison.Ordinal);
        Assert.Contains("重複確認キー「birth」は項目にありません。", page, StringComparison.Ordinal);
        Assert.Null(await CurrentAsync(Guid.Parse(formId), ct));
    }

    private static List<KeyValuePair<string, string>> Definition(string formId, int version, string nameLabel) =>
    [
        new("form", formId),
        new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Name", "申込書"),
        new("PublicAllowed", "true"),
        new("Fields[0].Order", "1"),
        new("Fields[0].Key", "name"),
        new("Fields[0].Label", nameLabel),
        new("Fields[0].Type", "Text"),
        new("Fields[0].Required", "true"),
        new("Fields[0].MaxLength", "30"),
        new("Fields[1].Order", "2"),
        new("Fields[1].Key", "course"),
        new("Fields[1].Label", "種目"),
        new("Fields[1].Type", "Choice"),
        new("Fields[1].Options", "5km\n10km"),
        new("DuplicateKeys", "name"),
        new("Columns[0].Source", "name"),
        new("Columns[0].Header", "氏名"),
        new("Columns[0].Format", "AsStored"),
        new("Encoding", "ShiftJis"),
    ];

    private async Task<FormDefinition?> CurrentAsync(Guid formId, CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProgramForms>().CurrentAsync(formId, ct);
    }
}

public sealed class SqliteProgramFormDefinitionTests(SqliteHostFixture fixture) : ProgramFormDefinitionTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresProgramFormDefinitionTests(PostgresHostFixture fixture) : ProgramFormDefinitionTests(fixture), IClassFixture<PostgresHostFixture>;
