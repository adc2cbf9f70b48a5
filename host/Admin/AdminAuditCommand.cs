using ConversationHub.Core.Audit;
using ConversationHub.Core.Persistence;

namespace ConversationHub.Host.Admin;

/// <summary><c>admin audit verify</c>: walks the audit log's hash chain and names the first entry that does not follow.</summary>
internal static class AdminAuditCommand
{
    public const int Intact = 0;
    public const int Broken = 1;

    /// <summary>Verifies the chain in the platform's database (<paramref name="services"/> has core's services).</summary>
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var report = await AuditChain.VerifyAsync(db, cancellationToken);
        await output.WriteLineAsync(report.Intact
            ? $"audit chain intact: {report.Checked:N0} entries"
            : $"audit chain broken at entry {report.BrokenAt}: {report.Reason} ({report.Checked:N0} entries before it hold)");
        return report.Intact ? Intact : Broken;
    }
}
