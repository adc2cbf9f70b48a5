using System.Text;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Rosters;
using ConversationHub.Host.ProgramsBench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// The demo coupon program's roster (配布先名簿), seeded once: three households the README names, so a demo look-up finds
/// one, and sixty made-up ones around them. Every name and address is invented.
/// </summary>
internal static class DemoRosters
{
    public const string ProgramCode = "coupon";

    /// <summary>The households a demo look-up can find (name, date of birth, postal code), in the layout's columns.</summary>
    private static readonly string[] KnownHouseholds =
    [
        "D0000001,若葉 花子,1988/5/10,若葉 大翔,令和2年4月3日,若葉 結衣,2017/9/21,,,123-4567,若葉市中央1-2-3",
        "D0000002,青葉 太郎,昭和60年1月15日,青葉 さくら,2021/12/1,,,,,123-4568,若葉市青葉台4-5-6",
        "D0000003,桜木 恵子,1979/11/30,桜木 蓮,平成22年6月8日,,,,,123-4569,若葉市桜木町7-8-9",
    ];

    private const int MadeUpHouseholds = 60;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<HandoffDbContext>();
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == ProgramCode, cancellationToken);
        if (program is null || await db.RosterSettings.AnyAsync(s => s.ProgramId == program.Id, cancellationToken))
        {
            return;
        }

        await services.GetRequiredService<ConfigureRosterLayout>().SaveAsync(program, SyntheticRoster.Layout, new StaffActor(Guid.Empty, "demo", null), cancellationToken);
        var outcome = await services.GetRequiredService<ImportRoster>().ImportAsync(program, File(), "demo", cancellationToken);
        if (!outcome.Done)
        {
            throw new InvalidOperationException("The demo roster does not fit its layout: " + string.Join(" / ", outcome.Errors));
        }
    }

    // The made-up file's header row first, then the known households, then its other rows.
    private static byte[] File()
    {
        var (madeUp, _) = SyntheticRoster.Generate(MadeUpHouseholds, seed: 1919);
        var lines = Encoding.UTF8.GetString(madeUp).TrimStart('\uFEFF').Split('\n', 2);
        var text = lines[0] + "\n" + string.Join('\n', KnownHouseholds) + "\n" + lines[1];
        return Encoding.UTF8.GetBytes(text);
    }
}
