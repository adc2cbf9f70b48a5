using System.Diagnostics;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Rollup;
using ConversationHub.Core.Organisation.Import;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.DemoCity;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.ReportsBench;

/// <summary>
/// Fills the bench's database with <see cref="CityTraffic"/>: departments and case categories through EF Core, the
/// cases through EF Core in batches (their numbers and tokens are the model's), conversations, messages and contact
/// events with <see cref="BulkInserter"/>, then folds the events with the real roll-up (<see cref="ContactRollupPass"/>),
/// batch after batch, as the platform's background service would.
/// </summary>
internal static class CityFiller
{
    public static async Task<FillFigures> FillAsync(IServiceProvider services, ReportsBenchOptions options, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var (departments, categories) = await OrganisationAsync(services, cancellationToken);
        var traffic = new CityTraffic(firstDay, options.Conversations, departments, categories);
        var caseIds = await CasesAsync(services, traffic, cancellationToken);
        var casesSeconds = watch.Elapsed.TotalSeconds;

        long conversations, messages, events;
        await using (var scope = services.CreateAsyncScope())
        {
            var bulk = new BulkInserter(scope.ServiceProvider.GetRequiredService<HubDbContext>().Database.GetDbConnection());
            conversations = await bulk.InsertAsync("conversations", CityTraffic.ConversationColumns, traffic.Conversations(), cancellationToken);
            messages = await bulk.InsertAsync("conversation_activities", CityTraffic.MessageColumns, traffic.Messages(), cancellationToken);
            events = await bulk.InsertAsync("contact_events", CityTraffic.EventColumns, traffic.ContactEvents(caseIds), cancellationToken);
        }

        var insertSeconds = watch.Elapsed.TotalSeconds - casesSeconds;
        watch.Restart();
        long folded = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var pass = await scope.ServiceProvider.GetRequiredService<ContactRollupPass>().RunAsync(options.FoldBatch, cancellationToken);
            folded += pass;
            if (pass == 0)
            {
                break;
            }
        }

        return new FillFigures(conversations, messages, caseIds.Count, events, folded, casesSeconds, insertSeconds, watch.Elapsed.TotalSeconds, departments[0]);
    }

    private static async Task<(List<Guid> Departments, List<Guid> Categories)> OrganisationAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        // The demo city's own organisation (the demo accounts and FAQs of the node started later name its departments).
        await using (var csv = DemoCityData.OpenDepartmentsCsv())
        {
            await scope.ServiceProvider.GetRequiredService<DepartmentCsvImporter>().ImportAsync(csv, DepartmentImportMode.Apply, cancellationToken);
        }

        var departments = await hub.Departments.Where(d => d.IsActive).OrderBy(d => d.Code).Select(d => d.Id).ToListAsync(cancellationToken);
        var handoff = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var categories = Enumerable.Range(1, 20).Select(i => new CaseCategory(null, $"ベンチ分類{i}", i)).ToList();
        handoff.CaseCategories.AddRange(categories);
        await handoff.SaveChangesAsync(cancellationToken);
        return (departments, [.. categories.Select(c => c.Id)]);
    }

    // Numbered per Japan-time year as the case desk numbers them; no personal fields, which no report reads.
    private static async Task<Dictionary<int, Guid>> CasesAsync(IServiceProvider services, CityTraffic traffic, CancellationToken cancellationToken)
    {
        const int Batch = 2000;
        var ids = new Dictionary<int, Guid>();
        var sequences = new Dictionary<int, int>();
        foreach (var chunk in traffic.Cases().Chunk(Batch))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            foreach (var c in chunk)
            {
                var year = (c.CreatedUtc + Core.Calendar.JapanTime.Offset).Year;
                var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
                var record = new CaseRecord(year, sequence, Enum.Parse<CaseChannel>(c.Channel.ToString()), null, c.CreatedUtc)
                {
                    ConversationId = c.ConversationId,
                    CategoryId = c.Category,
                    DepartmentId = c.Department,
                    Status = c.Department is null ? CaseStatus.InProgress : CaseStatus.Escalated,
                };
                db.Cases.Add(record);
                ids[c.Conversation] = record.Id;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return ids;
    }
}
