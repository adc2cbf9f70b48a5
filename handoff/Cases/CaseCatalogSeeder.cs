using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Fills the cases' lists with a sensible default (DefaultCatalog.json) the first time, so a new city can work at once;
/// each list is filled only while it is empty, so administrators' edits are never overwritten.
/// </summary>
internal sealed class CaseCatalogSeeder : IStartupSeeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        await using var stream = typeof(CaseCatalogSeeder).Assembly.GetManifestResourceStream("ConversationHub.Handoff.Cases.DefaultCatalog.json")
            ?? throw new InvalidOperationException("DefaultCatalog.json is not embedded.");
        var catalog = await JsonSerializer.DeserializeAsync<DefaultCatalog>(stream, Json, cancellationToken)
            ?? throw new InvalidOperationException("DefaultCatalog.json is empty.");

        if (!await db.CaseCategories.AnyAsync(cancellationToken))
        {
            var order = 0;
            foreach (var top in catalog.Categories)
            {
                var parent = new CaseCategory(null, top.Name, order += 10);
                db.CaseCategories.Add(parent);
                var childOrder = 0;
                foreach (var child in top.Children)
                {
                    db.CaseCategories.Add(new CaseCategory(parent.Id, child, childOrder += 10));
                }
            }
        }

        await SeedOptionsAsync(db, CaseOptionKind.InquiryType, catalog.InquiryTypes, cancellationToken);
        await SeedOptionsAsync(db, CaseOptionKind.InquiryFlag, catalog.InquiryFlags, cancellationToken);
        await SeedOptionsAsync(db, CaseOptionKind.EscalationReason, catalog.EscalationReasons, cancellationToken);
        if (!await db.ReplyTemplates.AnyAsync(cancellationToken))
        {
            db.ReplyTemplates.AddRange(catalog.Templates.Select(t => new ReplyTemplate(t.Name, t.Subject, t.Body)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same lists at the same moment; theirs stand.
        }
    }

    private static async Task SeedOptionsAsync(HandoffDbContext db, CaseOptionKind kind, IReadOnlyList<DefaultOption> options, CancellationToken cancellationToken)
    {
        if (await db.CaseOptions.AnyAsync(o => o.Kind == kind, cancellationToken))
        {
            return;
        }

        var order = 0;
        db.CaseOptions.AddRange(options.Select(o => new CaseOption(kind, o.Code, o.Label, order += 10)));
    }

    private sealed record DefaultCatalog(
        IReadOnlyList<DefaultCategory> Categories, IReadOnlyList<DefaultOption> InquiryTypes, IReadOnlyList<DefaultOption> InquiryFlags,
        IReadOnlyList<DefaultOption> EscalationReasons, IReadOnlyList<DefaultTemplate> Templates);

    private sealed record DefaultCategory(string Name, IReadOnlyList<string> Children);

    private sealed record DefaultOption(string Code, string Label);

    private sealed record DefaultTemplate(string Name, string Subject, string Body);
}
