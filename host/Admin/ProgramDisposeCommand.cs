using System.Globalization;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Disposal;

namespace ConversationHub.Host.Admin;

/// <summary>
/// <c>programs dispose --program CODE (--dry-run | --confirm CODE)</c>: an administrator's disposal of a program's
/// personal data from the command line, the same as the console's: <c>--dry-run</c> lists what the program holds and
/// changes nothing; the disposal itself needs the program's code typed again after <c>--confirm</c>.
/// </summary>
internal static class ProgramDisposeCommand
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    private const string UsageText = "usage: programs dispose --program CODE (--dry-run | --confirm CODE)";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var (code, confirm, dryRun) = Parse(args);
        if (code is null || (confirm is null) == !dryRun)
        {
            await output.WriteLineAsync(UsageText);
            return Usage;
        }

        await using var scope = services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ProgramCatalog>();
        var disposal = scope.ServiceProvider.GetRequiredService<ProgramDisposal>();
        if (await catalog.FindByCodeAsync(code, cancellationToken) is not { } program)
        {
            await output.WriteLineAsync($"no program has the code '{code}'; nothing was changed");
            return Refused;
        }

        if (dryRun)
        {
            await output.WriteLineAsync($"dry run: nothing is changed; {program.Code} holds:");
            foreach (var (kind, rows) in await disposal.CountAsync(program.Id, cancellationToken))
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind,-26} {rows} rows"));
            return Done;
        }

        if (!string.Equals(confirm, program.Code, StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"--confirm must repeat the program's code '{program.Code}'; nothing was changed");
            return Refused;
        }

        var outcome = await disposal.DisposeAsync(program, ProgramDisposalTriggers.Command, null, Environment.UserName, cancellationToken);
        switch (outcome)
        {
            case ProgramDisposalOutcome.StillInService:
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{program.Code} is in service until {program.ServiceEndsOn:yyyy-MM-dd}; nothing was changed"));
                return Refused;
            case ProgramDisposalOutcome.AlreadyDisposed:
                await output.WriteLineAsync($"{program.Code} was disposed of already; nothing was changed");
                return Done;
        }

        var record = (await disposal.FindRecordAsync(program.Id, cancellationToken))!;
        await output.WriteLineAsync($"{program.Code} disposed of; record {record.Id}");
        await output.WriteLineAsync("disposed: " + record.DisposedJson);
        await output.WriteLineAsync("remaining: " + record.RemainingJson);
        await output.WriteLineAsync("database: " + record.DatabaseState);
        return Done;
    }

    private static (string? Code, string? Confirm, bool DryRun) Parse(IReadOnlyList<string> args)
    {
        string? code = null, confirm = null;
        var dryRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--program" when i + 1 < args.Count:
                    code = args[++i];
                    break;
                case "--confirm" when i + 1 < args.Count:
                    confirm = args[++i];
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                default:
                    return (null, null, false);
            }
        }

        return (code, confirm, dryRun);
    }
}
