using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ConversationHub.Core.Calendar;
using ConversationHub.Testing;

namespace ConversationHub.Core.Tests.Calendar;

/// <summary>
/// Compares the computed holidays with an independent list, the npm package @holiday-jp/holiday_jp (tests/js).
/// The package's dates must match exactly; its names match the law's except for the forms mapped in <see cref="ToLawName"/>.
/// </summary>
public sealed class JapanesePublicHolidaysReferenceTests
{
    private const string PackageDirectory = "tests/js/node_modules/@holiday-jp/holiday_jp";

    // Reads the date strings the package stores (not Date objects), so the machine's time zone cannot shift a day.
    private const string Script = """
        const h = require(process.argv[1]).holidays;
        const [from, to] = [process.argv[2], process.argv[3]];
        const rows = Object.values(h).filter(x => x.date >= from && x.date <= to).map(x => ({ date: x.date, name: x.name }));
        process.stdout.write(JSON.stringify(rows));
        """;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    [Theory]
    [InlineData(2000, 2050)]
    [InlineData(1980, 1999)]
    public async Task GetHolidays_Years_MatchHolidayJpPackage(int fromYear, int toYear)
    {
        // Arrange
        var reference = (await LoadReferenceAsync(fromYear, toYear, TestTimeout.Token(30)))
            .Select(r => (Date: DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Name))
            .Select(r => $"{r.Date:yyyy-MM-dd} {ToLawName(r.Date, r.Name)}")
            .ToHashSet(StringComparer.Ordinal);

        // Act
        var computed = Enumerable.Range(fromYear, toYear - fromYear + 1)
            .SelectMany(JapanesePublicHolidays.GetHolidays)
            .Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}")
            .ToHashSet(StringComparer.Ordinal);

        // Assert
        var missing = reference.Except(computed, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var extra = computed.Except(reference, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Differences from @holiday-jp/holiday_jp for {fromYear}–{toYear} ({reference.Count} reference days):\n"
            + $"  only in the package: {string.Join(", ", missing)}\n  only in ours: {string.Join(", ", extra)}");
    }

    // The package follows the Cabinet Office CSV, which labels some days differently from the law's names used here.
    private static string ToLawName(DateOnly date, string name) => name switch
    {
        "休日" => "国民の休日",
        "休日（祝日扱い）" when date == new DateOnly(2019, 5, 1) => "即位の日",
        "休日（祝日扱い）" when date == new DateOnly(2019, 10, 22) => "即位礼正殿の儀",
        "体育の日（スポーツの日）" => "体育の日", // 2019-10-14: the rename to スポーツの日 took effect in 2020
        _ when name.EndsWith(" 振替休日", StringComparison.Ordinal) => "振替休日", // e.g. "こどもの日 振替休日"
        _ => name,
    };

    private static async Task<List<ReferenceHoliday>> LoadReferenceAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var root = Checkout.Root();
        var package = Path.Combine(root, PackageDirectory);
        Assert.True(Directory.Exists(package),
            $"The reference package is missing at {package}. Run `cd tests/js && npm ci` (test.sh does this).");

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-e", Script, package, $"{fromYear}-01-01", $"{toYear}-12-31" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TZ"] = "Asia/Tokyo";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"`node` is not on PATH ({ex.Message}); install Node.js and run `cd tests/js && npm ci` (test.sh does this).");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {await stderr}");
            var rows = JsonSerializer.Deserialize<List<ReferenceHoliday>>(await stdout, JsonOptions) ?? [];
            Assert.True(rows.Count > 0, "The reference package returned no holidays.");
            return rows;
        }
    }

    private sealed record ReferenceHoliday(string Date, string Name);
}
