using ConversationHub.Core.Identity;
using ConversationHub.Core.Organisation.Import;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Import;
using ConversationHub.Faq.Persistence;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// Fills an empty database with the demo city 若葉台市: departments, one account per role, and its FAQs.
/// Each part is seeded only when missing, so restarts and partial earlier runs are safe.
/// </summary>
internal sealed partial class DemoCitySeeder(IOptions<DemoCityOptions> options, ILogger<DemoCitySeeder> logger) : IStartupSeeder
{
    public int Order => 100;

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var hub = provider.GetRequiredService<HubDbContext>();
        await SeedDepartmentsAsync(provider, hub, cancellationToken);
        var departments = await hub.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.Ordinal, cancellationToken);
        await SeedAccountsAsync(provider.GetRequiredService<UserManager<HubUser>>(), provider.GetRequiredService<IUserStore<HubUser>>(), provider.GetRequiredService<HandoffDbContext>(), provider.GetRequiredService<TimeProvider>(), departments, cancellationToken);

        await DemoPrograms.SeedAsync(provider.GetRequiredService<HandoffDbContext>(), provider.GetRequiredService<TimeProvider>(), cancellationToken);
        await DemoReservations.SeedAsync(provider, cancellationToken);
        await DemoRosters.SeedAsync(provider, cancellationToken);
        await DemoForms.SeedAsync(provider, cancellationToken);

        var faqs = provider.GetRequiredService<FaqDbContext>();
        if (!await faqs.Faqs.AnyAsync(cancellationToken))
        {
            var document = await DemoCityData.ReadFaqsAsync(cancellationToken);
            await provider.GetRequiredService<ImportFaqDocument>().ExecuteAsync(document, departments, cancellationToken);
        }

        await DemoFaqTranslations.SeedAsync(faqs, provider.GetRequiredService<TimeProvider>(), cancellationToken);

        if (!await faqs.SynonymGroups.AnyAsync(cancellationToken))
        {
            var groups = await DemoCityData.ReadSynonymsAsync(cancellationToken);
            faqs.SynonymGroups.AddRange(groups.Select(g => new FaqSynonymGroup(string.Join('\n', g))));
            await faqs.SaveChangesAsync(cancellationToken);
        }
    }

    // The demo organisation goes through the same CSV import that cities use for their own lists.
    private static async Task SeedDepartmentsAsync(IServiceProvider provider, HubDbContext hub, CancellationToken cancellationToken)
    {
        if (await hub.Departments.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var csv = DemoCityData.OpenDepartmentsCsv();
        var result = await provider.GetRequiredService<DepartmentCsvImporter>().ImportAsync(csv, DepartmentImportMode.Apply, cancellationToken);
        if (result.Errors.Count > 0)
        {
            throw new InvalidDataException("Demo departments.csv is invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Line}:{e.Column} {e.Code}")));
        }
    }

    private async Task SeedAccountsAsync(UserManager<HubUser> users, IUserStore<HubUser> userStore, HandoffDbContext handoff, TimeProvider time, Dictionary<string, Guid> departments, CancellationToken cancellationToken)
    {
        var (password, _) = DemoPassword.Resolve(options.Value, Environment.CurrentDirectory);
        var loadOperators = Enumerable.Range(1, Math.Clamp(options.Value.LoadOperators, 0, 1000))
            .Select(i => new DemoAccount(DemoAccount.LoadOperatorName(i), $"負荷試験 オペレーター{i}", HubRoles.Operator, null));
        foreach (var account in DemoAccount.All.Concat(loadOperators))
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new HubUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                DepartmentId = account.DepartmentCode is not null && departments.TryGetValue(account.DepartmentCode, out var id) ? id : null,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, account.Role);
            if (account.Role == HubRoles.Administrator && !string.IsNullOrEmpty(options.Value.AdminAuthenticatorKey))
                await DemoAuthenticator.EnrolAsync(users, userStore, user, options.Value.AdminAuthenticatorKey, cancellationToken);
            Log.AccountCreated(logger, account.UserName, account.Role);
            if (account.Role is HubRoles.Operator or HubRoles.Supervisor && !await handoff.Agents.AnyAsync(a => a.AgentId == user.Id, cancellationToken))
            {
                // The demo's agents take calls too: the stand-in ACS connects a call to any ACS identity.
                handoff.Agents.Add(new AgentPresence(user.Id, time.GetUtcNow().UtcDateTime) { PhoneTarget = DemoAccount.PhoneTargetOf(account.UserName) });
                await handoff.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Demo account {UserName} created with role {Role}")]
        public static partial void AccountCreated(ILogger logger, string userName, string role);
    }
}
