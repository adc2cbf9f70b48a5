using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// The demo marathon line's entry form (申込書), seeded once: operators take entries with it beside a call, and citizens
/// fill its public version at <c>/programs/marathon/forms/{MarathonFormId}</c>. Its id is fixed so the README and the
/// web hygiene walk can link to it.
/// </summary>
internal static class DemoForms
{
    public const string ProgramCode = "marathon";

    /// <summary>The demo entry form's id.</summary>
    public static readonly Guid MarathonFormId = new("7a3c1f19-0000-4000-8000-000000000001");

    private static readonly FormField[] Fields =
    [
        new("name", "氏名", FormFieldType.Text, true, MaxLength: 40),
        new("kana", "フリガナ", FormFieldType.Kana, true, MaxLength: 60),
        new("birth", "生年月日", FormFieldType.BirthDate, true),
        new("phone", "電話番号", FormFieldType.Phone, true),
        new("email", "メールアドレス", FormFieldType.Email, false),
        new("zip", "郵便番号", FormFieldType.PostalCode, true),
        new("course", "種目", FormFieldType.Choice, true, Options: ["5km", "10km", "ハーフマラソン"]),
        new("shirt", "参加賞Tシャツのサイズ", FormFieldType.Choice, true, Options: ["S", "M", "L", "XL"]),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<HandoffDbContext>();
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == ProgramCode, cancellationToken);
        if (program is null || await db.ProgramFormVersions.AnyAsync(v => v.ProgramId == program.Id, cancellationToken))
        {
            return;
        }

        var form = new FormDefinition(MarathonFormId, 0, program.Id, "市民マラソン 参加申込書", PublicAllowed: true, Fields, ["name", "birth"], [], CaseCsvEncoding.Utf8);
        _ = await services.GetRequiredService<ProgramForms>().SaveAsync(form, null, cancellationToken);
    }
}
