using System.Globalization;
using ConversationHub.Core.Retention;

namespace ConversationHub.Host.Admin;

/// <summary>
/// <c>admin retention run [--dry-run]</c>: runs today's retention (each kind once per Japan day across nodes, as the
/// daily job does) now, or with <c>--dry-run</c> counts what it would delete or anonymise and changes nothing.
/// </summary>
internal static class AdminRetentionCommand
{
    public const int Done = 0;
    public const int Usage = 2;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var dryRun = args is ["--dry-run"];
        if (!dryRun && args.Count > 0)
        {
            await output.WriteLineAsync("usage: admin retention run [--dry-run]");
            return Usage;
        }

        var runner = services.GetRequiredService<RetentionRunner>();
        var previews = await runner.PreviewAsync(cancellationToken);
        if (dryRun)
        {
            await output.WriteLineAsync("dry run: nothing is changed");
            foreach (var p in previews)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Kind,-22} period {p.Period.TotalDays:0} days, cutoff {p.CutoffUtc:yyyy-MM-ddTHH:mm:ssZ}: {p.RowsExpired} rows would go{RanToday(p)}"));
            }

            return Done;
        }

        var outcomes = await runner.RunAsync(cancellationToken);
        foreach (var p in previews)
        {
            var outcome = outcomes.FirstOrDefault(o => o.Kind == p.Kind);
            await output.WriteLineAsync(outcome is not null
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Kind,-22} cutoff {outcome.CutoffUtc:yyyy-MM-ddTHH:mm:ssZ}: {outcome.RowsAffected} rows deleted or anonymised")
                : $"{p.Kind,-22} not run now{RanToday(p)}");
        }

        return Done;
    }

    private static string RanToday(RetentionPreview preview) => preview.RanTodayAtUtc is { } at
        ? string.Create(CultureInfo.InvariantCulture, $" (today's run started {at:yyyy-MM-ddTHH:mm:ssZ}; the next runs after midnight in Japan)")
        : "";
}
