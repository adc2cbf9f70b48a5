using ConversationHub.Core.Audit;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents;
using ConversationHub.Core.Conversations;
using ConversationHub.Core.Events;
using ConversationHub.Core.Health;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Identity.SignIn;
using ConversationHub.Core.Operations;
using ConversationHub.Core.Organisation.Apis;
using ConversationHub.Core.Organisation.Import;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Retention;
using ConversationHub.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core;

/// <summary>Entry points of the core module.</summary>
public static class CoreModuleExtensions
{
    /// <summary>
    /// Registers persistence (provider from <c>Database:Provider</c>), personal-data protection, cross-node events,
    /// identity with the staff roles, and health checks.
    /// </summary>
    public static IHostApplicationBuilder AddCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
                    ?? (options.ParsedProvider == DatabaseProvider.Sqlite ? DatabaseOptions.DefaultSqliteConnectionString : "");
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        services.AddOptions<PiiProtectionOptions>().BindConfiguration(PiiProtectionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PiiProtectionOptions>, PiiProtectionOptionsValidator>();
        // Relative key files resolve against the working directory, like the SQLite file under data/.
        services.AddSingleton(sp => PiiKeyRing.Create(
            sp.GetRequiredService<IOptions<PiiProtectionOptions>>().Value,
            Environment.CurrentDirectory));
        services.AddSingleton<IPiiProtector, AesGcmPiiProtector>();

        builder.AddHubDbContext<HubDbContext>(HubDbContext.MigrationsHistoryTable);
        services.AddDepartmentImport();
        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService<DatabaseStartupService>();
        services.AddSingleton<IStartupSeeder, EnsureRolesSeeder>();
        services.AddOptions<UptimeOptions>().BindConfiguration(UptimeOptions.SectionName);
        services.AddHostedService<UptimeHeartbeat>();
        services.AddScoped<UptimeQuery>();
        services.AddSingleton<IAuditLog, AuditLog>();

        services.AddDataProtection().SetApplicationName("ConversationHub").PersistKeysToDbContext<HubDbContext>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlEncryptor = new PiiXmlEncryptor(sp)));
        AddHubEvents(builder);
        services.AddBusinessCalendar();
        services.AddConversations();
        services.AddContactEvents();
        services.AddRetention();
        Programs.ProgramDataServiceCollectionExtensions.AddCoreProgramData(services);
        AddStaffIdentity(services);
        services.AddStaffSignInSteps();

        services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Registers a module's context on the configured database, with its migrations (in the context's assembly)
    /// applied at start-up in registration order.
    /// </summary>
    public static IHostApplicationBuilder AddHubDbContext<TContext>(this IHostApplicationBuilder builder, string migrationsHistoryTable)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        // PERF: pooled: a context's set-up (its EF services, options) is done once per pooled instance, not once per
        // request or bot turn, where it was the largest single cost of a short query (issue 5, bot load profile).
        builder.Services.AddDbContextPool<TContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            HubDatabase.Configure(options, database.ParsedProvider, database.ConnectionString, typeof(TContext).Assembly.GetName().Name!, migrationsHistoryTable)
                .UsePiiProtector(sp.GetRequiredService<IPiiProtector>());
        });
        builder.Services.AddSingleton<IMigratableContext, MigratableContext<TContext>>();
        return builder;
    }

    /// <summary>Maps <c>/healthz</c>, <c>/readyz</c> and the staff sign-in endpoints.</summary>
    public static IEndpointRouteBuilder MapCore(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthEndpoints();
        endpoints.MapDepartmentsApi();
        endpoints.MapStaffSignInSteps();
        return endpoints;
    }

    private static void AddHubEvents(IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"];
        if (string.Equals(provider, nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton(sp => new PostgresHubEvents(
                sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString,
                sp.GetRequiredService<ILogger<PostgresHubEvents>>()));
            builder.Services.AddSingleton<IHubEvents>(sp => sp.GetRequiredService<PostgresHubEvents>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresHubEvents>());
        }
        else
        {
            builder.Services.AddSingleton<IHubEvents, InProcessHubEvents>();
        }
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        // API callers and real-time clients (SignalR hubs) get status codes; browsers get the sign-in page.
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = statusCode;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private const string IdleSignOutSetting = "Security:IdleSignOut";
    private static readonly TimeSpan DefaultIdleSignOut = TimeSpan.FromMinutes(30);

    private static void AddStaffIdentity(IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<HubUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<HubRole>()
            .AddEntityFrameworkStores<HubDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>();
        services.AddSingleton<ILookupNormalizer, BlindIndexLookupNormalizer>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "hub.staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Idle sign-out (Security:IdleSignOut, default 30 minutes, set below): each request renews the session once
            // half of it has passed, so a session ends after that long without a request.
            options.ExpireTimeSpan = DefaultIdleSignOut;
            options.SlidingExpiration = true;
            // API callers get status codes, not the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IConfiguration>((options, configuration) => options.ExpireTimeSpan = configuration.GetValue<TimeSpan?>(IdleSignOutSetting) ?? DefaultIdleSignOut)
            .Validate(options => options.ExpireTimeSpan > TimeSpan.Zero && options.ExpireTimeSpan <= TimeSpan.FromHours(24), $"{IdleSignOutSetting} must be between 00:00:01 and 24:00:00.")
            .ValidateOnStart();

        // Every endpoint states its rule: anything not marked [AllowAnonymous] or with its own policy needs a
        // signed-in staff member, so a forgotten attribute fails closed.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
